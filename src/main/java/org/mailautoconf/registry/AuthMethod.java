package org.mailautoconf.registry;

import java.util.Arrays;
import java.util.Optional;

/** The authentication methods of Mozilla's config-v1.1 format, named as that format names them. */
public enum AuthMethod {
    PASSWORD_CLEARTEXT("password-cleartext"),
    PASSWORD_ENCRYPTED("password-encrypted"),
    OAUTH2("OAuth2"),
    NTLM("NTLM"),
    GSSAPI("GSSAPI"),
    CLIENT_IP_ADDRESS("client-IP-address"),
    TLS_CLIENT_CERT("TLS-client-cert"),
    SMTP_AFTER_POP("smtp-after-pop"),
    NONE("none");

    private final String key;

    AuthMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<AuthMethod> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** True for the methods in which the user types a password. */
    public boolean usesPassword() {
        return this == PASSWORD_CLEARTEXT || this == PASSWORD_ENCRYPTED || this == NTLM;
    }
}
