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
 * @param connections     timeouts and the cap on open connections of every listener
 * @param management      where {@code /metrics}, {@code /readyz} and {@code /healthz} are served
 *                        instead of on the public listener; empty: on the public listener
 * @param logging         how the service logs
 * @param signingLimits   how much profile signing may run and wait at once
 * @param stateDir        where the last good registry is kept, to start from when the provider
 *                        files do not load; empty: nothing is kept
 * @param tls             the https listener and its certificates; empty: plain HTTP only
 * @param hoster          hoster mode: how domains no file lists are matched by their MX records
 * @param directories     the directories file ({@code --directories}, docs/directories.md): LDAP and SQL
 *                        sources of per-user logins; empty: no directory
 * @param warmUp          the requests {@code serve} asks itself on loopback before {@code /readyz} says ready
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
        Optional<ProfileSigning> profileSigning,
        ConnectionLimits connections,
        Optional<HostPort> management,
        LogSettings logging,
        SigningLimits signingLimits,
        Optional<Path> stateDir,
        Optional<TlsSettings> tls,
        HosterSettings hoster,
        Optional<Path> directories,
        WarmUpSettings warmUp) {

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
        Objects.requireNonNull(connections, "connection limits must be set");
        Objects.requireNonNull(management, "management listener must be given, empty for none");
        Objects.requireNonNull(logging, "log settings must be set");
        Objects.requireNonNull(signingLimits, "signing limits must be set");
        Objects.requireNonNull(stateDir, "state directory must be given, empty for none");
        Objects.requireNonNull(tls, "TLS settings must be given, empty for none");
        Objects.requireNonNull(hoster, "hoster settings must be set");
        Objects.requireNonNull(directories, "directories must be given, empty for none");
        publicBaseUrl.ifPresent(u -> {
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("public URL must be an absolute https URL such as https://autoconfig.example.net, was " + u);
            }
        });
    }

    /** The defaults: loopback, port 8080, {@code ./providers.d}, unsigned profiles, plain HTTP. */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", 8080, Path.of("providers.d"), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2), Duration.ofMinutes(5), DEFAULT_CACHE_BYTES, false, Optional.empty(),
                ConnectionLimits.defaults(), Optional.empty(), LogSettings.defaults(), SigningLimits.defaults(),
                Optional.empty(), Optional.empty(), HosterSettings.defaults(), Optional.empty(), WarmUpSettings.OFF);
    }

    public ServiceConfig withListen(String host, int newPort) {
        return new ServiceConfig(host, newPort, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withPort(int newPort) {
        return withListen(listenHost, newPort);
    }

    public ServiceConfig withProvidersDir(Path dir) {
        return new ServiceConfig(listenHost, port, dir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withDefaultProvider(Optional<String> id) {
        return new ServiceConfig(listenHost, port, providersDir, id, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withPublicBaseUrl(Optional<URI> url) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, url, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withReloadInterval(Duration interval) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, interval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withCacheBytes(long bytes) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                bytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withAccessLog(boolean on) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, on, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withProfileSigning(Optional<ProfileSigning> signing) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, signing, connections, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withConnections(ConnectionLimits limits) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, limits, management, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withManagement(Optional<HostPort> listener) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, listener, logging, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withLogging(LogSettings settings) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, settings, signingLimits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withSigningLimits(SigningLimits limits) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, limits, stateDir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withStateDir(Optional<Path> dir) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, dir, tls, hoster, directories, warmUp);
    }

    public ServiceConfig withTls(Optional<TlsSettings> settings) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, settings, hoster, directories, warmUp);
    }

    public ServiceConfig withHoster(HosterSettings settings) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, settings, directories, warmUp);
    }

    /** The warm-up before {@code /readyz} says ready ({@code --warm-up-requests}, {@code --warm-up-seconds}). */
    public ServiceConfig withWarmUp(WarmUpSettings settings) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, directories,
                settings);
    }

    /** The directories file ({@code --directories}, docs/directories.md); empty: no directory. */
    public ServiceConfig withDirectories(Optional<Path> file) {
        return new ServiceConfig(listenHost, port, providersDir, defaultProvider, publicBaseUrl, reloadInterval, maxAge,
                cacheBytes, accessLog, profileSigning, connections, management, logging, signingLimits, stateDir, tls, hoster, file, warmUp);
    }
}
