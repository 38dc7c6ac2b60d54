package org.mailautoconf.http;

import java.time.Instant;
import java.util.List;
import org.mailautoconf.registry.load.Problem;

/** The result of the last load of the provider directory, for /readyz and the log. */
record ReloadStatus(Instant at, boolean ok, String servingVersion, List<Problem> errors) {

    ReloadStatus {
        errors = List.copyOf(errors);
    }
}
