package org.mailautoconf.format.autodiscover;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The protocols the v2 JSON endpoint answers for. Exchange Online knows more (Ews, Rest, ...);
 * a mail provider without Exchange has none of them, so they are answered as unknown.
 */
public enum V2Protocol {
    ACTIVE_SYNC("ActiveSync"),
    AUTODISCOVER_V1("AutodiscoverV1");

    private final String wireName;

    V2Protocol(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Case-insensitive: Outlook sends {@code AutodiscoverV1}, others {@code Autodiscoverv1}. */
    public static Optional<V2Protocol> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName.equalsIgnoreCase(name)).findFirst();
    }

    /** {@code ActiveSync,AutodiscoverV1}, as Exchange lists them in its error. */
    public static String supported() {
        return Arrays.stream(values()).map(V2Protocol::wireName).collect(Collectors.joining(","));
    }
}
