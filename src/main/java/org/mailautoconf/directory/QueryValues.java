package org.mailautoconf.directory;

import java.util.Map;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/** The values a query template may name: {@code address}, {@code localpart}, {@code domain}. */
final class QueryValues {

    static final java.util.Set<String> NAMES = java.util.Set.of("address", "localpart", "domain");

    private QueryValues() {
    }

    static Map<String, String> of(EmailAddress address) {
        return Map.of("address", address.toString(), "localpart", address.localPart(), "domain", address.domain().ascii());
    }

    static Map<String, String> of(DomainName domain) {
        return Map.of("domain", domain.ascii());
    }
}
