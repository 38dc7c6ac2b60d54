package org.mailautoconf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the running service is told, built once by the command line and passed down.
 *
 * @param publicBaseUrl   the https address clients reach this service at; every absolute URL
 *                        handed out (Autodiscover redirects) starts with it
 * @param reloadInterval  how often {@code providersDir} is checked for changes
 * @param maxAge          the {@code Cache-Control: max-age} of answers
 * @param cacheBytes      how many bytes of complete answers the cache may hold
 * @param accessLog       whether to log one line per request (without addresses or headers)
 * @param profileSigning  the key material that signs Apple profiles; without it they go out unsigned
 */
public record ServiceConfig(
        String listenHost,
        int port,
        Path providersDir,
        Optional<String> defaultProvider,
        Optional<URI> publicBaseUrl,
        Duration reloadInterval,
        Duration maxAge,
        long cacheBytes,
        boolean accessLog,
        Optional<ProfileSigning> profileSigning) {

    public static final long DEFAULT_CACHE_BYTES = 64L << 20;

    public ServiceConfig {
        if (listenHost == null || listenHost.isBlank()) {
            throw new IllegalArgumentException("listen address must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 picks a free one), was " + port);
        }
        if (providersDir == null) {
            throw new IllegalArgumentException("providers directory must be set");
        }
        if (reloadInterval.isNegative() || reloadInterval.isZero()) {
            throw new IllegalArgumentException("reload interval must be positive, was " + reloadInterval);
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("max-age must not be negative, was " + maxAge);
        }
        if (cacheBytes < 1) {
            throw new IllegalArgumentException("cache size must be at least 1 byte, was " + cacheBytes);
        }
        Objects.requireNonNull(profileSigning, "profile signing must be given, empty when profiles go out unsigned");
        publicBaseUrl.ifPresent(u -> {
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("public URL must be an absolute https URL such as https://autoconfig.example.net, was " + u);
            }
        });
    }

    /** The defaults: loopback, port 8080, {@code ./providers.d}, unsigned profiles. */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, Path.of("providers.d"), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2), Duration.ofMinutes(5), DEFAULT_CACHE_BYTES, false, Optional.empty());
    }

    public ServiceConfig withPort(int newPort) {
        return new ServiceConfig(listenHost, newPort, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning);
    }

    public ServiceConfig withProvidersDir(Path dir) {
        return new ServiceConfig(listenHost, port, dir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning);
    }

    public ServiceConfig withProfileSigning(Optional<ProfileSigning> signing) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, signing);
    }

    public ServiceConfig withPublicBaseUrl(Optional<URI> url) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, url, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning);
    }
}
