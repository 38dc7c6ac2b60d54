package org.mailautoconf.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.ProfileSigning;

/** A signing certificate from {@link TestPki} written for one test, and a provider directory with a hoster. */
public final class SigningSetup {

    /** A provider whose host names are {@code mail.%EMAILDOMAIN%}: meant to be the default provider. */
    public static final String HOSTER = """
            id: hoster
            name: Hoster Mail
            shortName: Hoster
            domains:
              - hoster.example
              - "*.campus.example"
            incoming:
              - type: imap
                hostname: mail.%EMAILDOMAIN%
                port: 993
                security: tls
                authentication: password-cleartext
                login: "%EMAILADDRESS%"
            outgoing:
              - type: smtp
                hostname: mail.%EMAILDOMAIN%
                port: 465
                security: tls
                authentication: password-cleartext
                login: "%EMAILADDRESS%"
            """;

    private SigningSetup() {
    }

    /** The signer's certificate, key and root written into {@code dir}. */
    public static ProfileSigning signing(Path dir, TestPki.Issued signer, TestPki.Issued root) throws IOException {
        return new ProfileSigning(signer.writeCertificate(dir.resolve("signer.pem")), signer.writeKey(dir.resolve("signer.key")),
                Optional.of(root.writeCertificate(dir.resolve("root.pem"))));
    }

    /** The shipped providers and {@link #HOSTER} in {@code dir}. */
    public static Path providers(Path dir) {
        Registries.copyShipped(dir);
        Registries.write(dir, "hoster.yaml", HOSTER);
        return dir;
    }
}
