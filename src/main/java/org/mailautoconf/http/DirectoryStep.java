package org.mailautoconf.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.answer.DirectoryAnswers.Personal;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.answer.ProviderChoice;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.DirectoryEntry;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * Where a handler's answer may wait for a directory: the only asynchronous step, in one place.
 * Without a directories file, or without an address, the answer is made as before (hoster
 * mode's {@link MxWait} only). With one, the provider is chosen once ({@link MxWait#choose}:
 * one registry lookup, the MX asked first where hoster mode needs it), and that choice serves
 * the whole request. The lookup runs on the directories' own threads and the answer comes back
 * on the request's event loop; a client over its budget of uncached lookups gets the template
 * answer at once (not a 429: the answer is still right for most users), counted as
 * {@code budget}.
 */
final class DirectoryStep {

    private final DirectoryAnswers directories;
    private final ClientBudget budget;
    private final LongAdder overBudget = new LongAdder();
    private final MxWait mx;

    /** @param mx answers a provider without a directory, waiting for hoster mode's MX lookup where one is needed */
    DirectoryStep(DirectoryAnswers directories, ClientBudget budget, MeterRegistry meters, MxWait mx) {
        this.directories = directories;
        this.budget = budget;
        this.mx = mx;
        for (Directories.Outcome o : Directories.Outcome.values()) {
            FunctionCounter.builder("mailautoconf_directory_lookups", directories, d -> d.total(o))
                    .description("Directory resolutions by outcome (found, unknown, cached, timeout, error, busy, no_source)")
                    .tag("outcome", o.name().toLowerCase(java.util.Locale.ROOT)).register(meters);
        }
        FunctionCounter.builder("mailautoconf_directory_lookups", overBudget, LongAdder::sum)
                .description("Directory resolutions by outcome").tag("outcome", "budget").register(meters);
    }

    /** The answer, personal where a directory knows the address. Not for signed profiles: see {@link #personalOr}. */
    void answer(Exchange ctx, ClientFormat format, DomainName domain, Optional<EmailAddress> address, Consumer<Lookup> then) {
        if (directories.skips(address)) {
            mx.lookup(ctx, format, domain, address, then);
            return;
        }
        mx.choose(ctx, domain, choice -> {
            Optional<Personal> plan = directories.plan(format, choice, domain, address);
            if (plan.isEmpty()) {
                then.accept(directories.template(format, domain, address, choice instanceof ProviderChoice.Unresolved));
                return;
            }
            entry(ctx, plan.get(), e -> then.accept(directories.answer(plan.get(), e)));
        });
    }

    /**
     * For an answer that is costly to make (a signed profile): {@code personal} gets the plan and
     * what the directory said when the provider has a directory that knows the address, and makes
     * the answer itself; {@code otherwise} runs in every other case.
     */
    void personalOr(Exchange ctx, ClientFormat format, EmailAddress address, BiConsumer<Personal, DirectoryEntry> personal,
            Runnable otherwise) {
        if (directories.skips(Optional.of(address))) {
            otherwise.run();
            return;
        }
        mx.choose(ctx, address.domain(), choice -> {
            Optional<Personal> plan = directories.plan(format, choice, address.domain(), Optional.of(address));
            if (plan.isEmpty()) {
                otherwise.run();
                return;
            }
            entry(ctx, plan.get(), e -> {
                if (e.found()) {
                    personal.accept(plan.get(), e);
                } else {
                    otherwise.run();
                }
            });
        });
    }

    /** A signed personal profile made before for these values, while the directory's cache keeps them. */
    Optional<Lookup> kept(Personal plan, DirectoryEntry entry) {
        return directories.kept(plan, entry);
    }

    /** The answer for what the directory said (signs where the plan does: off the event loop then). */
    Lookup render(Personal plan, DirectoryEntry entry) {
        return directories.answer(plan, entry);
    }

    /**
     * What the directory (or its cache) says for the plan's address, on the request's event loop.
     * When the directory did not answer (slow, down, busy, still connecting, or the client over its
     * budget) the template answer stands in and is marked {@link #BRIEF_CACHE} for HTTP caches, so
     * a client or proxy asks again soon and gets the directory's answer; an address the directory
     * does not know is an answer like any other and cached as long as a known one's.
     */
    private void entry(Exchange ctx, Personal plan, Consumer<DirectoryEntry> then) {
        Optional<DirectoryEntry> hit = directories.cached(plan);
        if (hit.isPresent()) {
            then.accept(hit.get());
            return;
        }
        if (budget.take(ctx.request()).isPresent()) {
            overBudget.increment();
            briefly(ctx);
            then.accept(DirectoryEntry.UNKNOWN);
            return;
        }
        Future.fromCompletionStage(directories.resolve(plan), ctx.vertx().getOrCreateContext())
                .onComplete(r -> MxWait.resume(ctx, () -> {
                    if (r.failed() || !r.result().answered()) {
                        briefly(ctx);
                    }
                    then.accept(r.succeeded() ? r.result().entry() : DirectoryEntry.UNKNOWN);
                }));
    }

    /** How long an HTTP cache may keep an answer made without the directory (docs/directories.md). */
    static final String BRIEF_CACHE = "max-age=5";

    private static void briefly(Exchange ctx) {
        // Responses.send sends this in place of its own max-age.
        ctx.cacheControl = BRIEF_CACHE;
    }
}
