package org.mailautoconf;

import java.time.Duration;

/**
 * The warm-up of {@code serve}: after the first registry loads, and before {@code /readyz} says
 * ready, the service asks itself, on a loopback listener of its own, the requests clients ask
 * most (autoconfig, Autodiscover, profiles for a few listed domains), so that the JIT has
 * compiled the request path before a load balancer sends traffic (bench/README.md, issue 14).
 *
 * @param requests at most this many requests; 0: no warm-up
 * @param limit    and for at most this long
 */
public record WarmUpSettings(int requests, Duration limit) {

    public static final int DEFAULT_REQUESTS = 30_000;
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(3);
    /** No warm-up: what {@link ServiceConfig#defaults()} has (tests start many services); {@code serve} warms up by default. */
    public static final WarmUpSettings OFF = new WarmUpSettings(0, DEFAULT_LIMIT);

    public WarmUpSettings {
        if (requests < 0 || requests > 1_000_000) {
            throw new IllegalArgumentException("--warm-up-requests must be 0 (no warm-up) to 1000000, was " + requests);
        }
        if (limit == null || limit.isNegative() || limit.isZero() || limit.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("--warm-up-seconds must be more than 0 and at most 60, was "
                    + (limit == null ? "none" : limit.toMillis() / 1000.0));
        }
    }

    public static WarmUpSettings defaults() {
        return new WarmUpSettings(DEFAULT_REQUESTS, DEFAULT_LIMIT);
    }

    public boolean enabled() {
        return requests > 0;
    }
}
