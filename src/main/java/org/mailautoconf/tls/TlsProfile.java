package org.mailautoconf.tls;

import java.util.List;

/**
 * What the https listener offers: TLS 1.2 and 1.3 only, with Mozilla's "intermediate" cipher
 * suites (AEAD with forward secrecy; the DHE suites left out), which every client this service
 * answers (Thunderbird, Outlook 2013 and later, Windows Mail, iOS and macOS) speaks.
 */
public final class TlsProfile {

    public static final List<String> PROTOCOLS = List.of("TLSv1.2", "TLSv1.3");

    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsProfile() {
    }
}
