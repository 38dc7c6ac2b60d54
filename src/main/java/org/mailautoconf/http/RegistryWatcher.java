package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * worker thread (at once on {@link #reloadNow()}, which SIGHUP calls). A valid one is published
 * in one step and, with a state directory, kept there ({@link StateDirectory}); an invalid one is
 * logged and the previous one keeps serving. It also knows whether what is served is older than
 * the files ({@link ReloadStatus.Serving}), for {@code /readyz}.
 */
final class RegistryWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);

    /** A directory that never stops changing is loaded anyway this many reload intervals after its first change. */
    static final int MAX_DELAY_INTERVALS = 5;

    private final Vertx vertx;
    private final ServiceConfig config;
    private final Answers answers;
    private final RegistryLoader loader = new RegistryLoader();
    private final Clock clock;
    private final Metrics metrics;
    private final StateDirectory state;
    private final ProblemsLogged problemsLogged = new ProblemsLogged();
    private final AtomicReference<ReloadStatus> status = new AtomicReference<>();
    private final AtomicReference<ReloadStatus.Serving> serving = new AtomicReference<>(ReloadStatus.Serving.CURRENT);
    /** Set by the first load; closed by a stop from any thread. */
    private volatile DirectoryChanges changes;
    /** Guarded by this: checks, SIGHUP reloads and the first load run one at a time. */
    private Instant pendingSince;
    /** Set once watching starts; read by a SIGHUP's reload. */
    private volatile long timer = -1;

    RegistryWatcher(Vertx vertx, ServiceConfig config, Answers answers, Clock clock, Metrics metrics) {
        this.vertx = vertx;
        this.metrics = metrics;
        this.config = config;
        this.answers = answers;
        this.clock = clock;
        this.state = new StateDirectory(config);
    }

    /**
     * Loads the directory once; when it does not load, starts from the last good files of the
     * state directory if there are any, and otherwise fails with the errors.
     */
    Future<Registry> loadInitial() {
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                // Watching starts before the first read, so an edit made while it loads is seen.
                changes = new DirectoryChanges(config.providersDir());
                LoadResult result = load(true);
                if (result.registry().isPresent()) {
                    return result.registry().get();
                }
                return state.startFrom().map(this::startDegraded)
                        .orElseThrow(() -> new InvalidRegistryException(result.errors()));
            }
        });
    }

    private Registry startDegraded(StateDirectory.Started started) {
        answers.publish(started.registry());
        serving.set(new ReloadStatus.Serving(Optional.of(clock.instant()), Optional.of(started.saved())));
        ReloadStatus failed = status.get();
        status.set(new ReloadStatus(failed.at(), false, started.registry().version(), failed.errors()));
        return started.registry();
    }

    void start() {
        timer = vertx.setPeriodic(config.reloadInterval().toMillis(), id ->
                vertx.executeBlocking(() -> {
                    checkOnce();
                    return null;
                }, true).onFailure(e -> LOG.error("checking {} failed", config.providersDir(), e)));
    }

    /** Not synchronized: a stop (on an event loop, or SIGTERM's hook) never waits for a load to end. */
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

    /** Whether the files hold changes that what is served lacks, and since when. */
    ReloadStatus.Serving serving() {
        return serving.get();
    }

    /**
     * One check, on a worker, one at a time: a change is loaded once the directory has been quiet
     * for a whole interval, so a file being written (an editor's save, a git checkout of many
     * files) is not read half-way; but at the latest {@link #MAX_DELAY_INTERVALS} intervals after
     * the first change not yet loaded, so that a directory that never stops changing (a log
     * written beside the files, a sync tool touching them) does not hold back every edit.
     */
    synchronized void checkOnce() {
        Instant now = clock.instant();
        if (changes.changed()) {
            if (pendingSince == null) {
                pendingSince = now;
                serving.updateAndGet(s -> s.staleFrom(now));
            }
            Duration waited = Duration.between(pendingSince, now);
            if (waited.compareTo(config.reloadInterval().multipliedBy(MAX_DELAY_INTERVALS)) < 0) {
                return;
            }
            LOG.info("{} has kept changing for {} ms; loading it now", config.providersDir(), waited.toMillis());
        } else if (pendingSince == null) {
            return;
        }
        pendingSince = null;
        load(false);
    }

    /** Loads the directory now, changed or not, as SIGHUP asks. Ignored before the first load is done. */
    synchronized void reloadNow() {
        if (timer < 0) {
            LOG.info("reload asked for while the service starts; the first load reads the files now");
            return;
        }
        changes.changed(); // what changed until now is in this load
        pendingSince = null;
        LOG.info("reloading {} as asked (SIGHUP)", config.providersDir());
        load(false);
    }

    /** A registry at least this large is compacted into the old generation before it is first served. */
    private static final int COMPACT_FROM_DOMAINS = 100_000;

    private LoadResult load(boolean initial) {
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        LoadResult result = loader.load(config.providersDir(), config.defaultProvider());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String servingVersion;
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
            servingVersion = r.version();
            if (serving.get().degraded()) {
                LOG.info("{} loads again: no longer serving the last good files of the state directory", config.providersDir());
            }
            serving.set(ReloadStatus.Serving.CURRENT);
            LOG.info("registry {} loaded from {} in {} ms: {} providers, {} domains{}", r.version(), config.providersDir(),
                    millis, r.providers().size(), r.domainCount(), compacted);
            problemsLogged.log(LOG, result.problems());
            state.keep(r, loader.lastFileHashes(), clock.instant());
        } else {
            servingVersion = answers.registry().map(Registry::version).orElse(null);
            serving.updateAndGet(s -> s.staleFrom(startedAt));
            LOG.error("registry in {} not loaded ({} errors); {}", config.providersDir(), result.errors().size(),
                    servingVersion == null ? "nothing to serve" : "still serving registry " + servingVersion);
            result.errors().forEach(p -> LOG.error("{}", p));
        }
        status.set(new ReloadStatus(clock.instant(), result.registry().isPresent(), servingVersion, result.errors()));
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
