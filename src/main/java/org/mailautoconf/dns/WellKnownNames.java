package org.mailautoconf.dns;

/** Names the newer standards derive from a mail domain. */
final class WellKnownNames {

    /** PACC's host: {@code ua-auto-config.<domain>}; its TXT record is {@code _ua-auto-config.<domain>}. */
    static final String PACC_PREFIX = "ua-auto-config.";

    private WellKnownNames() {
    }
}
