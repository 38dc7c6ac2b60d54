package org.mailautoconf.http;

import java.io.IOException;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.mailautoconf.registry.load.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start when {@code providers.d} does not load: from the last good files kept in the state
 * directory, if there are any and they load. Serving the registry of the last good load beats
 * exiting until a person fixes the file (every restart, and every replica started meanwhile,
 * would fail); what is served is then marked degraded, and said once in the log.
 */
final class StartFromState {

    private static final Logger LOG = LoggerFactory.getLogger(StartFromState.class);

    record Started(Registry registry, LastGoodFiles.Saved saved) {}

    private StartFromState() {
    }

    static Optional<Started> load(Optional<LastGoodFiles> lastGood, ServiceConfig config) {
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
        LOG.warn("DEGRADED: {} does not load (errors above); serving instead the last good registry {}, kept at {} in {} "
                        + "(loaded in {} ms), until the files load again: fix them, then they are loaded at the next check or "
                        + "SIGHUP; /readyz says \"status\": \"degraded\"", config.providersDir(), registry.version(), saved.savedAt(),
                saved.file(), (System.nanoTime() - started) / 1_000_000);
        return Optional.of(new Started(registry, saved));
    }
}
