package org.mailautoconf.http;

import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mailautoconf.SigningLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kind of uncached expensive work (signing profiles) on threads of its own with a bounded
 * queue, behind the per-client {@link ClientBudget} and a cap on the work of all clients together
 * each second. Vert.x's shared worker pool queues without end, so a flood of new addresses used to
 * take every core from the answers served from cache; here a client over its budget gets 429 and,
 * over the cap or when the queue is full, the request gets 503, all with {@code Retry-After}, at
 * once and without work. The cap is what bounds a flood from many addresses: without it the
 * signing threads stay busy and take their cores from the event loops. Refusals are counted, not
 * logged one by one (a flood would flood the log): one warning a minute at most.
 */
final class ExpensiveWork {

    private static final Logger LOG = LoggerFactory.getLogger(ExpensiveWork.class);
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final String kind;
    private final ThreadPoolExecutor pool;
    private final ClientBudget budget;
    /** Empty: no cap. One bucket for every client (Bucket4j: lock-free, a second's worth at once). */
    private final Optional<Bucket> rate;
    private final Counter done;
    private final Counter failed;
    private final Counter queueFull;
    private final Counter clientLimit;
    private final Counter rateLimit;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * @param kind      the metric label of this work ({@code sign}); a fixed word, never client input
     * @param perSecond work that may start a second, all clients together; 0: no cap
     */
    ExpensiveWork(String kind, int threads, int queue, ClientBudget budget, int perSecond, MeterRegistry meters) {
        this.kind = kind;
        this.budget = budget;
        this.rate = perSecond == 0 ? Optional.empty() : Optional.of(Bucket.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))).build());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "mailautoconf-" + kind + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.done = counter(meters, "done");
        this.failed = counter(meters, "failed");
        this.queueFull = counter(meters, "queue_full");
        this.clientLimit = counter(meters, "client_limit");
        this.rateLimit = counter(meters, "rate_limit");
        Gauge.builder("mailautoconf_expensive_work_queued", pool, p -> p.getQueue().size())
                .description("Expensive work waiting for a thread").tag("work", kind).register(meters);
        Gauge.builder("mailautoconf_expensive_work_running", pool, ThreadPoolExecutor::getActiveCount)
                .description("Expensive work running").tag("work", kind).register(meters);
    }

    /** Signing Apple profiles, with its limits and a client budget of its own. */
    static ExpensiveWork signing(SigningLimits limits, MeterRegistry meters) {
        return new ExpensiveWork("sign", limits.threads(), limits.queue(),
                new ClientBudget(limits.clientPerMinute(), limits.clientBurst()), limits.perSecond(), meters);
    }

    private Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("mailautoconf_expensive_work").description("Uncached expensive work by kind and outcome")
                .tags("work", kind, "outcome", outcome).register(meters);
    }

    /**
     * Runs {@code work} on this work's threads when the client's budget and the queue allow, and
     * hands its result to {@code then} on the request's event loop; otherwise answers 429 or 503
     * itself. Call it on the event loop, only for work no cache can answer.
     */
    <T> void run(Exchange ctx, Callable<T> work, Consumer<T> then) {
        Optional<Duration> wait = budget.take(ctx.request());
        if (wait.isPresent()) {
            clientLimit.increment();
            refuse(ctx, 429, wait.get(), "too many new requests from this address; try again later");
            return;
        }
        // After the client's budget: one client over its own budget takes nothing from the others' cap.
        Optional<Duration> overCap = rate.flatMap(ClientBudget::takeOne);
        if (overCap.isPresent()) {
            rateLimit.increment();
            refuse(ctx, 503, overCap.get(), "busy; try again in a second");
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    failed.increment();
                    context.runOnContext(v -> ctx.fail(e));
                    return;
                }
                done.increment();
                context.runOnContext(v -> then.accept(result));
            });
        } catch (RejectedExecutionException e) {
            queueFull.increment();
            refuse(ctx, 503, Duration.ofSeconds(1), "busy; try again in a second");
        }
    }

    private void refuse(Exchange ctx, int status, Duration retryAfter, String line) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warn("{} work refused ({}): {} over a client's budget, {} over the cap a second and {} with the queue full so far; "
                    + "see mailautoconf_expensive_work_total", kind, status, (long) clientLimit.count(), (long) rateLimit.count(),
                    (long) queueFull.count());
        }
        Responses.retryLater(ctx, status, retryAfter, line);
    }

    /** Takes no more work (503 from now on); what is queued is still done, so its requests are answered. */
    void close() {
        pool.shutdown();
    }
}
