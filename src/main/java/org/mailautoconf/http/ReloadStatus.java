package org.mailautoconf.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.mailautoconf.registry.load.Problem;

/** The result of the last load of the provider directory, for /readyz and the log. */
record ReloadStatus(Instant at, boolean ok, String servingVersion, List<Problem> errors) {

    ReloadStatus {
        errors = List.copyOf(errors);
    }

    /**
     * How what is served stands to the files on disk.
     *
     * @param staleSince  the first change seen in the directory that the served registry lacks:
     *                    waiting for the directory to be quiet, or a reload that failed
     * @param startedFrom the state directory's copy served since the start, because the
     *                    directory did not load then
     */
    record Serving(Optional<Instant> staleSince, Optional<LastGoodFiles.Saved> startedFrom) {

        /** What the files hold is what is served. */
        static final Serving CURRENT = new Serving(Optional.empty(), Optional.empty());

        boolean stale() {
            return staleSince.isPresent();
        }

        boolean degraded() {
            return startedFrom.isPresent();
        }

        /** Stale from {@code at}, unless it is already. */
        Serving staleFrom(Instant at) {
            return stale() ? this : new Serving(Optional.of(at), startedFrom);
        }

        /** {@code /readyz}'s word: ok, stale or degraded (stale, and started from the state directory). */
        String word() {
            return degraded() ? "degraded" : stale() ? "stale" : "ok";
        }
    }
}
