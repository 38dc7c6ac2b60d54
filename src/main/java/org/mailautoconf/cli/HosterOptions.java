package org.mailautoconf.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.HostPort;
import org.mailautoconf.HosterSettings;
import picocli.CommandLine.Option;

/** Hoster mode: where domains no file lists have their MX records asked, and how the answers are kept (docs/hosting.md). */
final class HosterOptions {

    @Option(names = "--dns-resolver", paramLabel = "IP[:PORT]", split = ",", defaultValue = "${env:MAILAUTOCONF_DNS_RESOLVER}",
            description = "DNS server that MX records are asked from; repeatable, or comma-separated; none: the system's "
                    + "(env MAILAUTOCONF_DNS_RESOLVER).")
    List<String> resolvers;

    @Option(names = "--mx-timeout", paramLabel = "MILLISECONDS", defaultValue = "${env:MAILAUTOCONF_MX_TIMEOUT:-2000}",
            description = "How long a request waits for an MX lookup at most (env MAILAUTOCONF_MX_TIMEOUT; default: ${DEFAULT-VALUE}).")
    long timeoutMillis;

    @Option(names = "--mx-min-ttl", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_MX_MIN_TTL:-60}",
            description = "An MX answer is kept at least this long (env MAILAUTOCONF_MX_MIN_TTL; default: ${DEFAULT-VALUE}).")
    long minTtl;

    @Option(names = "--mx-max-ttl", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_MX_MAX_TTL:-3600}",
            description = "An MX answer is kept at most this long, whatever its TTL (env MAILAUTOCONF_MX_MAX_TTL; default: ${DEFAULT-VALUE}).")
    long maxTtl;

    @Option(names = "--mx-miss-ttl", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_MX_MISS_TTL:-30}",
            description = "A domain without MX, or a failed lookup, is kept at most this long (env MAILAUTOCONF_MX_MISS_TTL; default: ${DEFAULT-VALUE}).")
    long missTtl;

    @Option(names = "--mx-cache-entries", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_MX_CACHE_ENTRIES:-100000}",
            description = "Domains whose MX answer is kept at most (env MAILAUTOCONF_MX_CACHE_ENTRIES; default: ${DEFAULT-VALUE}).")
    int cacheEntries;

    @Option(names = "--mx-lookups-per-second", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_MX_LOOKUPS_PER_SECOND:-100}",
            description = "New MX lookups the whole service makes a second at most; more are answered 503 "
                    + "(env MAILAUTOCONF_MX_LOOKUPS_PER_SECOND; default: ${DEFAULT-VALUE}).")
    int perSecond;

    @Option(names = "--mx-client-per-minute", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_MX_CLIENT_PER_MINUTE:-60}",
            description = "New MX lookups one client address may cause a minute; more are answered 429; 0: no limit "
                    + "(env MAILAUTOCONF_MX_CLIENT_PER_MINUTE; default: ${DEFAULT-VALUE}).")
    int clientPerMinute;

    @Option(names = "--mx-client-burst", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_MX_CLIENT_BURST:-20}",
            description = "How many of those one client may cause at once (env MAILAUTOCONF_MX_CLIENT_BURST; default: ${DEFAULT-VALUE}).")
    int clientBurst;

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    HosterSettings settings() {
        List<HostPort> servers = new ArrayList<>();
        for (String r : resolvers == null ? List.<String>of() : resolvers) {
            if (r.isBlank()) {
                continue;
            }
            String s = r.strip();
            boolean hasPort = s.startsWith("[") ? s.contains("]:") : s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0;
            try {
                servers.add(hasPort ? HostPort.parse(s) : new HostPort(s.startsWith("[") ? s.substring(1, s.length() - 1) : s, 53));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--dns-resolver " + e.getMessage());
            }
        }
        return new HosterSettings(servers, Duration.ofMillis(timeoutMillis), Duration.ofSeconds(minTtl), Duration.ofSeconds(maxTtl),
                Duration.ofSeconds(missTtl), cacheEntries, perSecond, clientPerMinute, clientBurst);
    }
}
