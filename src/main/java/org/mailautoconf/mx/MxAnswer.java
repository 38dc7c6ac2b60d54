package org.mailautoconf.mx;

import java.time.Duration;
import java.util.List;
import org.mailautoconf.registry.DomainName;

/**
 * What a domain's MX records said, as far as hoster mode cares.
 *
 * @param outcome what kind of answer it was; also the metric label (a fixed word, never the domain)
 * @param hosts   the mail servers in preference order (lowest preference value first), for {@code HOSTS}
 * @param ttl     how long the records may be kept, as DNS said (bounded later by the cache)
 */
public record MxAnswer(Outcome outcome, List<DomainName> hosts, Duration ttl) {

    public enum Outcome {
        /** One or more mail servers. */
        HOSTS,
        /** RFC 7505's "." at preference 0: the domain takes no mail. */
        NULL_MX,
        /** The domain exists but has no MX record. */
        NO_MX,
        NXDOMAIN,
        SERVFAIL,
        /** No answer within the timeout. */
        TIMEOUT,
        /** Any other failure: refused, unreachable server, malformed answer. */
        ERROR,
        /** Not asked: the global cap on lookups a second was reached. */
        LIMITED;

        /** Whether it says something about the domain (kept for the record's TTL) rather than about the lookup (kept briefly). */
        public boolean definite() {
            return this == HOSTS || this == NULL_MX || this == NO_MX || this == NXDOMAIN;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MxAnswer {
        hosts = List.copyOf(hosts);
    }

    static MxAnswer of(Outcome outcome, Duration ttl) {
        return new MxAnswer(outcome, List.of(), ttl);
    }
}
