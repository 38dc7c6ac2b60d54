package org.mailautoconf.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.HostPort;
import org.mailautoconf.TlsSettings;
import picocli.CommandLine.Option;

/** The https listener and its certificates; without {@code --tls-listen} the service speaks plain HTTP only. */
final class TlsOptions {

    @Option(names = "--tls-listen", paramLabel = "ADDRESS:PORT", defaultValue = "${env:MAILAUTOCONF_TLS_LISTEN}",
            description = "Serve https here too, e.g. 0.0.0.0:443 (env MAILAUTOCONF_TLS_LISTEN).")
    String listen;

    @Option(names = "--tls-cert-dir", paramLabel = "DIR", defaultValue = "${env:MAILAUTOCONF_TLS_CERT_DIR}",
            description = "PEM certificates and keys, as certbot, cert-manager or a flat directory hold them; reloaded on change (env MAILAUTOCONF_TLS_CERT_DIR).")
    String certificateDir;

    @Option(names = "--acme-directory", paramLabel = "URL", defaultValue = "${env:MAILAUTOCONF_ACME_DIRECTORY}",
            description = "Obtain certificates from this ACME CA, e.g. https://acme-v02.api.letsencrypt.org/directory (env MAILAUTOCONF_ACME_DIRECTORY).")
    URI acmeDirectory;

    @Option(names = "--acme-email", paramLabel = "ADDRESS", defaultValue = "${env:MAILAUTOCONF_ACME_EMAIL}",
            description = "Contact address of the ACME account (env MAILAUTOCONF_ACME_EMAIL; optional).")
    String acmeEmail;

    @Option(names = "--acme-accept-terms", defaultValue = "${env:MAILAUTOCONF_ACME_ACCEPT_TERMS:-false}",
            description = "Accept the ACME CA's terms of service (env MAILAUTOCONF_ACME_ACCEPT_TERMS).")
    boolean acmeAcceptTerms;

    @Option(names = "--acme-state-dir", paramLabel = "DIR", defaultValue = "${env:MAILAUTOCONF_ACME_STATE_DIR}",
            description = "Where the ACME account key and the certificates are kept; one process at a time (env MAILAUTOCONF_ACME_STATE_DIR).")
    String acmeStateDir;

    @Option(names = "--acme-ca-file", paramLabel = "PEM", defaultValue = "${env:MAILAUTOCONF_ACME_CA_FILE}",
            description = "Check a private ACME CA's https against this CA certificate instead of the system's (env MAILAUTOCONF_ACME_CA_FILE).")
    String acmeCaFile;

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong or missing
     */
    Optional<TlsSettings> settings() {
        Optional<String> listenAt = text(listen);
        Optional<TlsSettings.Acme> acme = Optional.ofNullable(acmeDirectory).map(d -> new TlsSettings.Acme(d, text(acmeEmail),
                acmeAcceptTerms, text(acmeStateDir).map(Path::of).orElse(null), text(acmeCaFile).map(Path::of)));
        Optional<Path> dir = text(certificateDir).map(Path::of);
        if (listenAt.isEmpty()) {
            if (dir.isPresent() || acme.isPresent()) {
                throw new IllegalArgumentException("--tls-cert-dir and --acme-directory need --tls-listen ADDRESS:PORT");
            }
            return Optional.empty();
        }
        return Optional.of(new TlsSettings(HostPort.parse(listenAt.get()), dir, acme));
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
