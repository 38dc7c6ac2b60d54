package org.mailautoconf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The https listener and where its certificates come from: a directory of PEM files, ACME, or both.
 *
 * @param listen         where the https listener binds ({@code --tls-listen})
 * @param certificateDir PEM certificates with their keys, reloaded when they change ({@code --tls-cert-dir})
 * @param acme           certificates obtained and renewed from an ACME CA; empty: none
 */
public record TlsSettings(HostPort listen, Optional<Path> certificateDir, Optional<Acme> acme) {

    public TlsSettings {
        Objects.requireNonNull(listen, "--tls-listen must be set");
        Objects.requireNonNull(certificateDir, "certificate directory must be given, empty for none");
        Objects.requireNonNull(acme, "ACME settings must be given, empty for none");
        if (certificateDir.isEmpty() && acme.isEmpty()) {
            throw new IllegalArgumentException("--tls-listen needs certificates: --tls-cert-dir DIR, or --acme-directory URL with its options");
        }
    }

    /**
     * Where ACME certificates come from.
     *
     * @param directory      the CA's ACME directory URL ({@code --acme-directory})
     * @param email          the account's contact address ({@code --acme-email}); optional
     * @param termsAccepted  whether the CA's terms of service are accepted ({@code --acme-accept-terms})
     * @param stateDir       account key, certificates and their keys ({@code --acme-state-dir})
     * @param directoryTrust a PEM CA certificate the ACME directory's https is checked against
     *                       instead of the JVM's ({@code --acme-ca-file}), for a private ACME CA
     * @param checkInterval  how often names and renewal times are checked (not a flag; tests shorten it)
     * @param retryAfter     the first wait after a failed order; doubled on each further failure
     */
    public record Acme(URI directory, Optional<String> email, boolean termsAccepted, Path stateDir,
                       Optional<Path> directoryTrust, Duration checkInterval, Duration retryAfter) {

        public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(10);
        public static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(5);

        public Acme {
            Objects.requireNonNull(directory, "--acme-directory must be set");
            Objects.requireNonNull(email, "--acme-email must be given, empty for none");
            Objects.requireNonNull(directoryTrust, "--acme-ca-file must be given, empty for none");
            if (!"https".equalsIgnoreCase(directory.getScheme()) || directory.getHost() == null) {
                throw new IllegalArgumentException("--acme-directory must be an https URL such as "
                        + "https://acme-v02.api.letsencrypt.org/directory, was " + directory);
            }
            if (!termsAccepted) {
                throw new IllegalArgumentException("--acme-directory needs --acme-accept-terms: read the CA's terms of service first");
            }
            if (stateDir == null) {
                throw new IllegalArgumentException("--acme-directory needs --acme-state-dir DIR for the account key and certificates");
            }
            email.ifPresent(e -> {
                if (e.indexOf('@') <= 0 || e.indexOf('@') == e.length() - 1 || e.chars().anyMatch(c -> c <= ' ')) {
                    throw new IllegalArgumentException("--acme-email must be an e-mail address");
                }
            });
            if (checkInterval.isNegative() || checkInterval.isZero() || retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("ACME check interval and retry wait must be positive");
            }
        }

        public Acme(URI directory, Optional<String> email, boolean termsAccepted, Path stateDir, Optional<Path> directoryTrust) {
            this(directory, email, termsAccepted, stateDir, directoryTrust, DEFAULT_CHECK_INTERVAL, DEFAULT_RETRY_AFTER);
        }

        public Acme withTiming(Duration check, Duration retry) {
            return new Acme(directory, email, termsAccepted, stateDir, directoryTrust, check, retry);
        }
    }
}
