package org.mailautoconf.registry;

/** How a client protects its connection to a server. */
public enum Security {
    /** TLS from the first byte (IMAPS 993, POP3S 995, SMTPS 465). */
    TLS("tls"),
    /** A plain connection upgraded with STARTTLS/STLS (143, 110, 587, 25). */
    STARTTLS("starttls"),
    /** No encryption at all. */
    NONE("none");

    private final String key;

    Security(String key) {
        this.key = key;
    }

    /** The word used in provider files. */
    public String key() {
        return key;
    }
}
