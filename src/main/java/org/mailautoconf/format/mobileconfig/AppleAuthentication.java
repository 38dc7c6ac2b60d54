package org.mailautoconf.format.mobileconfig;

import java.util.Locale;
import java.util.Optional;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.Server;

/**
 * Apple's names for how Mail logs in ({@code IncomingMailServerAuthentication} and
 * {@code OutgoingMailServerAuthentication}). Apple knows no OAuth2, GSSAPI or client
 * certificates in a mail payload: a server that offers only those cannot be set up by a profile.
 */
final class AppleAuthentication {

    static final String NONE = "EmailAuthNone";
    static final String PASSWORD = "EmailAuthPassword";
    static final String CRAM_MD5 = "EmailAuthCRAMMD5";
    static final String NTLM = "EmailAuthNTLM";

    private AppleAuthentication() {
    }

    /** Apple's value for the first of the server's authentications (most preferred first) that Apple knows. */
    static Optional<String> of(Server server) {
        return server.authentication().stream().map(AppleAuthentication::of).flatMap(Optional::stream).findFirst();
    }

    static Optional<String> of(Authentication authentication) {
        if (authentication instanceof Authentication.Method m) {
            return switch (m.method()) {
                case PASSWORD_CLEARTEXT -> Optional.of(PASSWORD);
                // config-v1.1's "encrypted password" is a challenge-response login; CRAM-MD5 is Apple's.
                case PASSWORD_ENCRYPTED -> Optional.of(CRAM_MD5);
                case NTLM -> Optional.of(NTLM);
                // Nothing to type: the server knows the client by its address or by an earlier POP3 login.
                case NONE, CLIENT_IP_ADDRESS, SMTP_AFTER_POP -> Optional.of(NONE);
                case OAUTH2, GSSAPI, TLS_CLIENT_CERT -> Optional.empty();
            };
        }
        if (authentication instanceof Authentication.Sasl s) {
            return switch (s.mechanism().toUpperCase(Locale.ROOT)) {
                case "PLAIN", "LOGIN" -> Optional.of(PASSWORD);
                case "CRAM-MD5" -> Optional.of(CRAM_MD5);
                case "NTLM" -> Optional.of(NTLM);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
