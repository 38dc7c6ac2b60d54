package org.mailautoconf.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How much uncached expensive work (signing a profile, directory lookups, MX lookups) each
 * client address may ask for: a token bucket per address (Bucket4j), {@code burst} tokens that
 * refill at {@code perMinute}. Answers served from a cache never take a token.
 *
 * <p>The client is the TCP peer: behind a proxy every client has the proxy's address, so there
 * the budget is the proxy's (docs/operations.md). An IPv6 client is its /64, the block one
 * subscriber gets, or a single host could ask from 2^64 addresses. The buckets are kept in a
 * Caffeine cache bounded in entries and dropped once idle long enough to have refilled, when a
 * new bucket is the same as the old one; a bucket evicted earlier by a crowd of addresses is
 * only ever replaced by a full one, so the bound errs towards letting work through, and the
 * bounded queue of {@link ExpensiveWork} still caps what runs.
 */
final class ClientBudget {

    /** Buckets kept at most: each is a few hundred bytes. */
    static final int MAX_CLIENTS = 100_000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]{7,15}");

    private final int perMinute;
    private final int burst;
    private final Cache<String, Bucket> buckets;

    /** @param perMinute tokens added a minute; 0: no limit */
    ClientBudget(int perMinute, int burst) {
        this.perMinute = perMinute;
        this.burst = burst;
        Duration refill = perMinute == 0 ? Duration.ofMinutes(1)
                : Duration.ofMillis(Math.max(1_000, 60_000L * burst / perMinute + 1_000));
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(refill).build();
    }

    /** Takes one token for the request's TCP peer (see {@link #take(String)}). */
    Optional<Duration> take(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        return take(peer == null ? null : peer.hostAddress());
    }

    /**
     * Takes one token for {@code client} (an IP address literal, as the TCP peer gives it).
     *
     * @return empty when the work may run; else how long until the client may ask again
     */
    Optional<Duration> take(String client) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        return takeOne(buckets.get(key(client), k -> newBucket()));
    }

    /** @return empty when a token was taken from {@code bucket}; else how long until the next one */
    static Optional<Duration> takeOne(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
    }

    /**
     * The client as the budget counts it: an IPv4 address whole, an IPv6 address by its /64
     * (IPv4-mapped IPv6 as IPv4). Anything that is not an address literal (never looked up in
     * DNS) shares one budget.
     */
    static String key(String client) {
        if (client == null || !(client.indexOf(':') >= 0 || IPV4_LITERAL.matcher(client).matches())) {
            return "other";
        }
        try {
            // With a ':' or only digits and dots, getByName parses a literal and asks no DNS server.
            InetAddress a = InetAddress.getByName(client.startsWith("[") ? client.substring(1, client.length() - 1) : client);
            return a instanceof Inet6Address ? HexFormat.of().formatHex(a.getAddress(), 0, 8) + "::/64" : a.getHostAddress();
        } catch (UnknownHostException e) {
            return "other";
        }
    }
}
