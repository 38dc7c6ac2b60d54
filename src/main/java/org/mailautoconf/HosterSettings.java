package org.mailautoconf;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Hoster mode: how the MX records of domains no file lists are asked for and kept
 * (docs/hosting.md). Used only when a provider has {@code mx:}.
 *
 * @param resolvers         DNS servers asked ({@code --dns-resolver}); empty: the system's (/etc/resolv.conf)
 * @param timeout           how long a request waits for a lookup at most ({@code --mx-timeout})
 * @param minTtl            an answer is kept at least this long, whatever its TTL ({@code --mx-min-ttl})
 * @param maxTtl            and at most this long ({@code --mx-max-ttl})
 * @param missTtl           a failure, or a domain without a match, is kept at most this long ({@code --mx-miss-ttl})
 * @param cacheEntries      domains whose answer is kept at most ({@code --mx-cache-entries})
 * @param lookupsPerSecond  new lookups the whole service makes a second at most ({@code --mx-lookups-per-second})
 * @param clientPerMinute   new lookups one client address may cause a minute; 0: no limit ({@code --mx-client-per-minute})
 * @param clientBurst       and at once ({@code --mx-client-burst})
 */
public record HosterSettings(List<HostPort> resolvers, Duration timeout, Duration minTtl, Duration maxTtl, Duration missTtl,
                             int cacheEntries, int lookupsPerSecond, int clientPerMinute, int clientBurst) {

    public HosterSettings {
        resolvers = List.copyOf(Objects.requireNonNull(resolvers, "resolvers must be given, empty for the system's"));
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("--mx-timeout must be more than 0 and at most 30 seconds, was " + timeout);
        }
        if (minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0) {
            throw new IllegalArgumentException("--mx-min-ttl must be 0 or more and at most --mx-max-ttl, was " + minTtl + " and " + maxTtl);
        }
        if (missTtl.isNegative() || missTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("--mx-miss-ttl must be 0 or more and at most --mx-max-ttl, was " + missTtl);
        }
        if (cacheEntries < 1) {
            throw new IllegalArgumentException("--mx-cache-entries must be at least 1, was " + cacheEntries);
        }
        if (lookupsPerSecond < 1) {
            throw new IllegalArgumentException("--mx-lookups-per-second must be at least 1, was " + lookupsPerSecond);
        }
        if (clientPerMinute < 0) {
            throw new IllegalArgumentException("--mx-client-per-minute must be 0 (no limit) or more, was " + clientPerMinute);
        }
        if (clientBurst < 1) {
            throw new IllegalArgumentException("--mx-client-burst must be at least 1, was " + clientBurst);
        }
    }

    public static HosterSettings defaults() {
        return new HosterSettings(List.of(), Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofSeconds(30), 100_000, 100, 60, 20);
    }
}
