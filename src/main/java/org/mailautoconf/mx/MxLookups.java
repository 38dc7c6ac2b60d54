package org.mailautoconf.mx;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.registry.DomainName;

/**
 * The MX records of domains no provider file lists, asked once and kept: a definite answer
 * (mail servers, null MX, no MX, NXDOMAIN) for the record's TTL within the configured bounds, a
 * failure (SERVFAIL, timeout, error) for the shorter miss time; at most a configured number of
 * domains (Caffeine, evicted by size). Caffeine's asynchronous cache holds the query in flight
 * as the entry, so however many requests ask for a domain, one query goes out. New queries are
 * capped a second for the whole service (a Bucket4j bucket): over the cap a lookup is answered
 * {@code LIMITED} without asking, and nothing is kept. Counters are plain adders for /metrics.
 */
public final class MxLookups {

    private final MxQuery query;
    private final AsyncCache<DomainName, MxAnswer> cache;
    private final Bucket perSecond;
    private final Map<MxAnswer.Outcome, LongAdder> outcomes = new EnumMap<>(MxAnswer.Outcome.class);
    private final LongAdder cacheHits = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration timeout;

    public MxLookups(HosterSettings settings) {
        this(settings, ForkJoinPool.commonPool());
    }

    /** @param executor where an answer is read and kept (microseconds of work, never blocking) */
    MxLookups(HosterSettings settings, Executor executor) {
        this.query = new MxQuery(settings.resolvers(), settings.timeout(), executor);
        this.timeout = settings.timeout();
        long min = settings.minTtl().toNanos();
        long max = settings.maxTtl().toNanos();
        long miss = settings.missTtl().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheEntries())
                .executor(executor)
                .expireAfter(Expiry.creating((DomainName d, MxAnswer a) -> keep(a, min, max, miss)))
                .buildAsync();
        this.perSecond = Bucket.builder().addLimit(l -> l.capacity(settings.lookupsPerSecond())
                .refillGreedy(settings.lookupsPerSecond(), Duration.ofSeconds(1))).build();
        for (MxAnswer.Outcome o : MxAnswer.Outcome.values()) {
            outcomes.put(o, new LongAdder());
        }
    }

    /** How long an answer is kept: a definite one for its TTL within [min, max], and never longer than a miss for a miss. */
    private static Duration keep(MxAnswer a, long min, long max, long miss) {
        long ttl = a.ttl().toNanos();
        if (!a.outcome().definite()) {
            return Duration.ofNanos(miss);
        }
        long bounded = Math.max(min, Math.min(max, ttl));
        return Duration.ofNanos(a.outcome() == MxAnswer.Outcome.HOSTS || a.outcome() == MxAnswer.Outcome.NULL_MX
                ? bounded : Math.min(bounded, miss));
    }

    /** The kept answer for a domain; null when none is kept or its query is still in flight. Never waits. */
    public MxAnswer settled(DomainName domain) {
        CompletableFuture<MxAnswer> f = cache.getIfPresent(domain);
        if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
            return null;
        }
        cacheHits.increment();
        return f.join();
    }

    /**
     * The domain's answer: the kept one, the query in flight, or a new query when the global cap
     * allows (else {@code LIMITED} at once). Never fails exceptionally; completes within the
     * timeout (the resolver's own).
     */
    public CompletableFuture<MxAnswer> resolve(DomainName domain) {
        CompletableFuture<MxAnswer> kept = cache.getIfPresent(domain);
        if (kept != null) {
            return kept;
        }
        if (!perSecond.tryConsume(1)) {
            outcomes.get(MxAnswer.Outcome.LIMITED).increment();
            return CompletableFuture.completedFuture(MxAnswer.of(MxAnswer.Outcome.LIMITED, Duration.ZERO));
        }
        return cache.get(domain, (d, executor) -> {
            inFlight.incrementAndGet();
            return query.ask(d).whenComplete((a, e) -> {
                inFlight.decrementAndGet();
                outcomes.get(a != null ? a.outcome() : MxAnswer.Outcome.ERROR).increment();
            });
        });
    }

    /** How long a request waits for a lookup at most. */
    public Duration timeout() {
        return timeout;
    }

    /** Lookups answered so far with this outcome. */
    public long count(MxAnswer.Outcome outcome) {
        return outcomes.get(outcome).sum();
    }

    /** Requests that found their domain's MX answer kept. */
    public long cacheHits() {
        return cacheHits.sum();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Domains whose answer is kept or asked for now (an estimate, as Caffeine counts). */
    public long size() {
        return cache.synchronous().estimatedSize();
    }
}
