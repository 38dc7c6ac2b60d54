package org.mailautoconf.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mailautoconf.registry.load.Problem;
import org.slf4j.Logger;

/**
 * Logs the warnings and notes of each load that the load before did not have. A reload keeps
 * the results of files that did not change, and with them their warnings: logged again at
 * every reload, a hoster's few hundred notes would bury the one line about the file just edited.
 */
final class ProblemsLogged {

    private Set<Problem> logged = Set.of();

    /** Logs the new ones; a line counts those already logged. Called by one thread at a time. */
    void log(Logger log, List<Problem> problems) {
        Set<Problem> now = new HashSet<>();
        int repeated = 0;
        for (Problem p : problems) {
            if (p.isError() || !now.add(p)) {
                continue;
            }
            if (logged.contains(p)) {
                repeated++;
            } else {
                log.info("{}", p);
            }
        }
        if (repeated > 0) {
            log.info("{} warnings and notes of files already logged at an earlier load are not repeated", repeated);
        }
        logged = now;
    }
}
