package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live registry in step with {@code providers.d/}: checks a cheap fingerprint of the
 * directory (names, sizes, modification times, following the symlinks Kubernetes ConfigMaps
 * use) and, when it changed, loads a whole new registry on a worker thread. A valid one is
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
    private String fingerprint = "";
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
            fingerprint = fingerprint();
            LoadResult result = load();
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
    }

    Optional<ReloadStatus> status() {
        return Optional.ofNullable(status.get());
    }

    /** One check: reload when the directory changed. Runs on a worker, one at a time. */
    void checkOnce() {
        String now = fingerprint();
        if (now.equals(fingerprint)) {
            return;
        }
        fingerprint = now;
        load();
    }

    private LoadResult load() {
        LoadResult result = loader.load(config.providersDir(), config.defaultProvider());
        String serving;
        if (result.registry().isPresent()) {
            Registry r = result.registry().get();
            answers.publish(r);
            serving = r.version();
            LOG.info("registry {} loaded from {}: {} providers, {} domains", r.version(), config.providersDir(),
                    r.providers().size(), r.domainCount());
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

    private String fingerprint() {
        Path dir = config.providersDir();
        if (!Files.isDirectory(dir)) {
            return "missing";
        }
        try (Stream<Path> files = Files.walk(dir, 3, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).sorted().map(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    return p + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + a.lastModifiedTime().toInstant().getNano();
                } catch (IOException e) {
                    return p + "|?";
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable " + e.getMessage();
        }
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
