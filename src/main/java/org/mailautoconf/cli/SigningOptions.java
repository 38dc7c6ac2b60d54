package org.mailautoconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.SigningLimits;
import picocli.CommandLine.Option;

/** Where the key material that signs Apple profiles is; none given: profiles go out unsigned. */
final class SigningOptions {

    @Option(names = "--sign-cert", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_CERT}",
            description = "PEM certificate that signs Apple profiles; may be followed by its chain (env MAILAUTOCONF_SIGN_CERT).")
    String certificate;

    @Option(names = "--sign-key", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_KEY}",
            description = "Unencrypted PEM private key of the signing certificate (env MAILAUTOCONF_SIGN_KEY).")
    String key;

    @Option(names = "--sign-chain", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_SIGN_CHAIN}",
            description = "PEM intermediate certificates sent with the signature (env MAILAUTOCONF_SIGN_CHAIN; optional).")
    String chain;

    /**
     * @throws IllegalArgumentException when only some of the files are named
     */
    Optional<ProfileSigning> signing() {
        Optional<Path> cert = path(certificate);
        Optional<Path> privateKey = path(key);
        Optional<Path> chainFile = path(chain);
        if (cert.isEmpty() && privateKey.isEmpty()) {
            if (chainFile.isPresent()) {
                throw new IllegalArgumentException("--sign-chain needs --sign-cert and --sign-key");
            }
            return Optional.empty();
        }
        if (cert.isEmpty() || privateKey.isEmpty()) {
            throw new IllegalArgumentException("--sign-cert and --sign-key go together (or MAILAUTOCONF_SIGN_CERT and MAILAUTOCONF_SIGN_KEY)");
        }
        return Optional.of(new ProfileSigning(cert.get(), privateKey.get(), chainFile));
    }

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    SigningLimits limits() {
        return SigningLimits.defaults();
    }

    private static Optional<Path> path(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(Path::of);
    }
}
