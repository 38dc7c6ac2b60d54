package org.mailautoconf.registry;

/**
 * One way a server accepts a login. config-v1.1 knows only the named {@link AuthMethod}s; the
 * IETF autoconfig draft (1.2) adds SASL mechanisms and HTTP schemes, which the registry already
 * carries so that a 1.2 renderer needs no new model.
 */
public sealed interface Authentication {

    /** How a provider file writes this authentication. */
    String key();

    record Method(AuthMethod method) implements Authentication {
        @Override
        public String key() {
            return method.key();
        }
    }

    /** A SASL mechanism, written {@code sasl:SCRAM-SHA-256} in provider files. */
    record Sasl(String mechanism) implements Authentication {
        @Override
        public String key() {
            return "sasl:" + mechanism;
        }
    }

    /** An HTTP authentication scheme, written {@code http:Basic}, for URL-based servers. */
    record Http(String scheme) implements Authentication {
        @Override
        public String key() {
            return "http:" + scheme;
        }
    }

    static Authentication of(AuthMethod method) {
        return new Method(method);
    }
}
