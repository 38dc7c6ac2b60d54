package org.mailautoconf.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * Where a handler's answer may wait for a directory: the only asynchronous step, in one place.
 * Without a directory for the request the answer is made at once, as before. With one, the
 * lookup runs on the directories' own threads and the answer comes back on the request's event
 * loop; a client over its budget of uncached lookups gets the template answer at once (not a
 * 429: the answer is still right for most users), counted as {@code budget}.
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

    void answer(Exchange ctx, ClientFormat format, DomainName domain, Optional<EmailAddress> address, Consumer<Lookup> then) {
        if (directories.use(format, domain, address).isEmpty()) {
            mx.lookup(ctx, format, domain, address, then);
            return;
        }
        if (directories.asksDirectory(format, domain, address)) {
            var peer = ctx.request().remoteAddress();
            if (budget.take(peer == null ? null : peer.hostAddress()).isPresent()) {
                overBudget.increment();
                then.accept(directories.withoutDirectory(format, domain, address));
                return;
            }
        }
        Future.fromCompletionStage(directories.lookup(format, domain, address), ctx.vertx().getOrCreateContext())
                .onComplete(r -> MxWait.resume(ctx, () -> then.accept(r.succeeded() ? r.result()
                        : directories.withoutDirectory(format, domain, address))));
    }
}
