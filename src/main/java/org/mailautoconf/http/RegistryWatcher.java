package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live registry in step with {@code providers.d/}: every reload interval it asks
 * {@link DirectoryChanges} whether anything changed and, if so, loads a whole new registry on a
 * worker thread. A valid one is
 * published in one step; an invalid one is logged and the previous one keeps serving.
 */
final class RegistryWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);

    private final Vertx vertx;
    private final ServiceConfig config;
    private final Answers answers;
    private final RegistryLoader loader = new RegistryLoader();
    private final Clock clock;
    private final Metrics metrics;
    private final AtomicReference<ReloadStatus> status = new AtomicReference<>();
    private DirectoryChanges changes;
    private boolean pending;
    private long timer = -1;

    RegistryWatcher(Vertx vertx, ServiceConfig config, Answers answers, Clock clock, Metrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
        this.answers = answers;
        this.clock = clock;
    }

    /** Loads the directory once; fails with the errors when the registry is not valid. */
    Future<Registry> loadInitial() {
        return vertx.executeBlocking(() -> {
            // Watching starts before the first read, so an edit made while it loads is seen.
            changes = new DirectoryChanges(config.providersDir());
            LoadResult result = load(true);
            if (result.registry().isEmpty()) {
                throw new InvalidRegistryException(result.errors());
            }
            return result.registry().get();
        });
    }

    void start() {
        timer = vertx.setPeriodic(config.reloadInterval().toMillis(), id ->
                vertx.executeBlocking(() -> {
                    checkOnce();
                    return null;
                }, true).onFailure(e -> LOG.error("checking {} failed", config.providersDir(), e)));
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (changes != null) {
            changes.close();
        }
    }

    Optional<ReloadStatus> status() {
        return Optional.ofNullable(status.get());
    }

    /**
     * One check, on a worker, one at a time: a change is loaded once the directory has been quiet
     * for a whole interval, so a file being written (an editor's save, a git checkout of many
     * files) is not read half-way.
     */
    void checkOnce() {
        if (changes.changed()) {
            pending = true;
        } else if (pending) {
            pending = false;
            load(false);
        }
    }

    /** A registry at least this large is compacted into the old generation before it is first served. */
    private static final int COMPACT_FROM_DOMAINS = 100_000;

    private LoadResult load(boolean initial) {
        long started = System.nanoTime();
        LoadResult result = loader.load(config.providersDir(), config.defaultProvider());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String serving;
        if (result.registry().isPresent()) {
            Registry r = result.registry().get();
            String compacted = "";
            if (initial && r.domainCount() >= COMPACT_FROM_DOMAINS) {
                // Before anything is served: otherwise the first young collections under load
                // promote a hoster's 300 MiB registry bit by bit, with pauses of 100-200 ms in
                // the first seconds of answering (measured); one full collection now does it once.
                long gcStarted = System.nanoTime();
                System.gc();
                compacted = " (heap compacted in " + (System.nanoTime() - gcStarted) / 1_000_000 + " ms)";
            }
            answers.publish(r);
            serving = r.version();
            LOG.info("registry {} loaded from {} in {} ms: {} providers, {} domains{}", r.version(), config.providersDir(),
                    millis, r.providers().size(), r.domainCount(), compacted);
            result.problems().stream().filter(p -> !p.isError()).forEach(p -> LOG.info("{}", p));
        } else {
            serving = answers.registry().map(Registry::version).orElse(null);
            LOG.error("registry in {} not loaded ({} errors); {}", config.providersDir(), result.errors().size(),
                    serving == null ? "nothing to serve" : "still serving registry " + serving);
            result.errors().forEach(p -> LOG.error("{}", p));
        }
        status.set(new ReloadStatus(clock.instant(), result.registry().isPresent(), serving, result.errors()));
        metrics.reload(result.registry().isPresent());
        return result;
    }

    /** The provider directory did not load; the message lists every error. */
    static final class InvalidRegistryException extends RuntimeException {
        private final List<Problem> errors;

        InvalidRegistryException(List<Problem> errors) {
            super(errors.size() + " errors in the provider files:\n"
                    + errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
            this.errors = List.copyOf(errors);
        }

        List<Problem> errors() {
            return errors;
        }
    }
}
