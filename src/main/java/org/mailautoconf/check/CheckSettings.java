package org.mailautoconf.check;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How a check reaches the world.
 *
 * @param resolver     the DNS server to ask; empty: the system's (/etc/resolv.conf)
 * @param connectHttps every https connection goes here (the original name still in SNI, Host
 *                     and the certificate check); empty: the address DNS gives, port 443
 * @param connectHttp  the same for plain http; empty: {@code connectHttps}'s host on port 80,
 *                     or the address DNS gives
 * @param ca           PEM certificates trusted besides the system's trust store
 * @param timeout      for each DNS query and each HTTP exchange (connect, TLS, answer)
 * @param publicHost   the service's public name: names that lead elsewhere are reported
 */
public record CheckSettings(Optional<InetSocketAddress> resolver, Optional<InetSocketAddress> connectHttps,
        Optional<InetSocketAddress> connectHttp, Optional<Path> ca, Duration timeout, Optional<String> publicHost) {

    /** Certificates expiring sooner than this are reported (with a working check). */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(21);

    public CheckSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
    }

    /** Where a connection for {@code scheme} goes when the settings say so. */
    Optional<InetSocketAddress> connectFor(String scheme) {
        if (scheme.equals("https")) {
            return connectHttps;
        }
        return connectHttp.or(() -> connectHttps.map(a -> InetSocketAddress.createUnresolved(a.getHostString(), 80)));
    }
}
