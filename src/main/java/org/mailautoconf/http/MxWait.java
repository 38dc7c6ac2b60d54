package org.mailautoconf.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.answer.ProviderChoice;
import org.mailautoconf.mx.MxAnswer;
import org.mailautoconf.mx.MxLookups;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * Hoster mode in front of a handler: a lookup that needs the domain's MX records
 * ({@link Lookup.Unresolved}) asks for them without blocking the event loop, within the
 * client's budget ({@link ClientBudget}: 429 when spent) and the service's cap on lookups a
 * second (503), and waits at most the configured timeout; then it looks up again on the
 * request's context. Every other lookup (a cache hit, a listed domain) goes through untouched.
 */
final class MxWait {

    private final Answers answers;
    private final MxLookups lookups;
    private final ClientBudget budget;

    /** @param lookups null: no hoster mode (every lookup passes through) */
    MxWait(Answers answers, MxLookups lookups, HosterSettings settings) {
        this.answers = answers;
        this.lookups = lookups;
        this.budget = new ClientBudget(settings.clientPerMinute(), settings.clientBurst());
    }

    /** The meters of the MX lookups: by outcome, cache hits, in flight; no label carries a domain. */
    static void meter(MxLookups lookups, MeterRegistry meters) {
        for (MxAnswer.Outcome o : MxAnswer.Outcome.values()) {
            FunctionCounter.builder("mailautoconf_mx_lookups", lookups, l -> l.count(o))
                    .description("MX lookups of domains no file lists, by outcome").tag("outcome", o.label()).register(meters);
        }
        FunctionCounter.builder("mailautoconf_mx_cache_hits", lookups, MxLookups::cacheHits)
                .description("Requests that found their domain's MX answer kept").register(meters);
        Gauge.builder("mailautoconf_mx_lookups_in_flight", lookups, MxLookups::inFlight)
                .description("MX lookups waiting for the DNS server").register(meters);
        Gauge.builder("mailautoconf_mx_cache_entries", lookups, MxLookups::size)
                .description("Domains whose MX answer is kept or asked for").register(meters);
    }

    /**
     * Runs {@code work} that a callback (a DNS answer, a directory's) resumes on the event loop:
     * an exception there fails the request, a 500 with its log line, instead of leaving it
     * unanswered (Vert.x only logs what a callback throws).
     */
    static void resume(Exchange ctx, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            ctx.fail(e);
        }
    }

    /** Looks up, asking the domain's MX first if hoster mode needs it, and hands the lookup to {@code then} on the event loop. */
    void lookup(Exchange ctx, ClientFormat format, DomainName domain, Optional<EmailAddress> address, Consumer<Lookup> then) {
        Lookup first = answers.lookup(format, domain, address);
        if (!(first instanceof Lookup.Unresolved)) {
            then.accept(first);
            return;
        }
        resolveThen(ctx, domain, inTime -> {
            Lookup next = inTime ? answers.lookup(format, domain, address) : null;
            // Not in time, or kept and expired at once (a TTL of 0): answered as without MX, not asked again.
            then.accept(next == null || next instanceof Lookup.Unresolved ? answers.lookupWithoutMx(format, domain, address) : next);
        });
    }

    /**
     * Hands {@code then} the provider choice for the domain ({@link Answers#choose}), asking the
     * domain's MX first where hoster mode needs it; a choice still {@link ProviderChoice.Unresolved}
     * then means the answer did not come in time (its {@code match()} is the choice without it).
     */
    void choose(Exchange ctx, DomainName domain, Consumer<ProviderChoice> then) {
        ProviderChoice first = answers.choose(domain);
        if (!(first instanceof ProviderChoice.Unresolved)) {
            then.accept(first);
            return;
        }
        resolveThen(ctx, domain, inTime -> then.accept(inTime ? answers.choose(domain) : first));
    }

    /**
     * Asks for the domain's MX records and calls {@code then} on the request's context with
     * whether the answer came within the timeout; answers 429 (client budget) or 503 (the
     * service's cap) itself instead.
     */
    void resolveThen(Exchange ctx, DomainName domain, Consumer<Boolean> then) {
        Optional<Duration> wait = budget.take(ctx.request());
        if (wait.isPresent()) {
            Responses.retryLater(ctx, 429, wait.get(), "too many new domains from this address; try again later");
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        lookups.resolve(domain).copy()
                .completeOnTimeout(null, lookups.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> context.runOnContext(v -> resume(ctx, () -> {
                    if (answer != null && answer.outcome() == MxAnswer.Outcome.LIMITED) {
                        Responses.retryLater(ctx, 503, Duration.ofSeconds(1), "busy looking up domains; try again in a second");
                    } else {
                        then.accept(answer != null);
                    }
                })));
    }
}
