package org.mailautoconf;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the key material for signing Apple profiles is: a PEM certificate, its PEM private key
 * and optionally a PEM file of intermediate certificates. A certificate of its own, not the web
 * server's TLS key, so that the service never holds the key that guards its HTTPS.
 */
public record ProfileSigning(Path certificate, Path privateKey, Optional<Path> chain) {

    public ProfileSigning {
        Objects.requireNonNull(certificate, "signing certificate must be set");
        Objects.requireNonNull(privateKey, "signing key must be set");
        Objects.requireNonNull(chain, "chain must be given, empty when there is none");
    }
}
