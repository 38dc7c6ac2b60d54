package org.mailautoconf.http;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.mailautoconf.registry.load.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory ({@code --state-dir}), as the watcher uses it: every registry that loads
 * is kept there ({@link LastGoodFiles}), and a start whose {@code providers.d} does not load
 * starts from what is kept, if it loads. Serving the registry of the last good load beats
 * exiting until a person fixes the file (every restart, and every replica started meanwhile,
 * would fail); what is served is then marked degraded, and said once in the log.
 */
final class StateDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(StateDirectory.class);

    record Started(Registry registry, LastGoodFiles.Saved saved) {}

    private final Optional<LastGoodFiles> lastGood;
    private final ServiceConfig config;
    /** The version kept, once known; one thread at a time (the watcher's). */
    private String keptVersion;

    StateDirectory(ServiceConfig config) {
        this.config = config;
        this.lastGood = config.stateDir().map(LastGoodFiles::new);
    }

    /** Keeps the files of a registry that loaded, unless they are kept already; never fails the reload. */
    void keep(Registry r, Map<String, byte[]> fileHashes, Instant now) {
        if (lastGood.isEmpty() || r.version().equals(keptVersion)) {
            return;
        }
        try {
            long started = System.nanoTime();
            if (keptVersion == null) {
                keptVersion = lastGood.get().keptVersion().orElse("");
                if (r.version().equals(keptVersion)) {
                    return;
                }
            }
            lastGood.get().save(config.providersDir(), r, fileHashes, now);
            keptVersion = r.version();
            LOG.info("registry {} kept in {} as the last good one in {} ms", r.version(), lastGood.get().file(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (LastGoodFiles.ChangedMeanwhile e) {
            LOG.info("registry {} not kept in the state directory: {}", r.version(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep registry {} in {}: {}; the copy there stays as it was", r.version(), lastGood.get().file(),
                    e.toString());
        }
    }

    /** The registry kept, when there is one and it loads; logs why not otherwise, and DEGRADED once when it does. */
    Optional<Started> startFrom() {
        if (lastGood.isEmpty()) {
            return Optional.empty();
        }
        Optional<LastGoodFiles.Loaded> loaded;
        long started = System.nanoTime();
        try {
            loaded = lastGood.get().load(config.defaultProvider());
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot start from the last good files: {} cannot be read ({})", lastGood.get().file(), e.toString());
            return Optional.empty();
        }
        if (loaded.isEmpty()) {
            LOG.error("cannot start from the last good files: there are none yet in {}", lastGood.get().file());
            return Optional.empty();
        }
        LoadResult result = loaded.get().result();
        LastGoodFiles.Saved saved = loaded.get().saved();
        if (result.registry().isEmpty()) {
            // Another --default-provider than when they were kept, or a newer version's stricter checks.
            LOG.error("cannot start from the last good files in {}: they do not load either ({} errors; the first: {})",
                    saved.file(), result.errors().size(), result.errors().get(0));
            return Optional.empty();
        }
        Registry registry = result.registry().get();
        keptVersion = registry.version();
        LOG.warn("DEGRADED: {} does not load (errors above); serving instead the last good registry {}, kept at {} in {} "
                        + "(loaded in {} ms), until the files load again: fix them, then they are loaded at the next check or "
                        + "SIGHUP; /readyz says \"status\": \"degraded\"", config.providersDir(), registry.version(), saved.savedAt(),
                saved.file(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(new Started(registry, saved));
    }
}
