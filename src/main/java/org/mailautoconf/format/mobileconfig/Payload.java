package org.mailautoconf.format.mobileconfig;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One property-list dictionary under construction, with typed setters so that a port can only
 * become an {@code <integer>} and a flag only {@code <true/>}/{@code <false/>}. Keys come out
 * sorted, as Apple's own tools write them, so the bytes never depend on the order of the code.
 */
final class Payload {

    private final Map<String, NSObject> entries = new TreeMap<>();

    /** The keys every payload has (Apple's CommonPayloadKeys), version 1. */
    static Payload common(String type, String identifier, String uuid, String displayName) {
        return new Payload().string("PayloadType", type).string("PayloadIdentifier", identifier)
                .string("PayloadUUID", uuid).integer("PayloadVersion", 1).string("PayloadDisplayName", displayName);
    }

    Payload string(String key, String value) {
        entries.put(key, new NSString(value));
        return this;
    }

    Payload integer(String key, int value) {
        entries.put(key, new NSNumber(value));
        return this;
    }

    Payload bool(String key, boolean value) {
        entries.put(key, new NSNumber(value));
        return this;
    }

    Payload data(String key, byte[] value) {
        entries.put(key, new NSData(value));
        return this;
    }

    Payload array(String key, List<Payload> items) {
        entries.put(key, new NSArray(items.stream().map(Payload::toDictionary).toArray(NSObject[]::new)));
        return this;
    }

    NSDictionary toDictionary() {
        NSDictionary dict = new NSDictionary();
        entries.forEach(dict::put);
        return dict;
    }
}
