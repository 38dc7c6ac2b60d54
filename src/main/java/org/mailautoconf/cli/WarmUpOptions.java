package org.mailautoconf.cli;

import java.time.Duration;
import org.mailautoconf.WarmUpSettings;
import picocli.CommandLine.Option;

/** The warm-up before {@code /readyz} says ready (docs/operations.md, "Warm-up"). */
final class WarmUpOptions {

    @Option(names = "--warm-up-requests", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_WARM_UP_REQUESTS:-30000}",
            description = "Requests the service asks itself on a loopback listener of its own after the first load, before /readyz "
                    + "says ready, so that clients meet a compiled request path; 0: no warm-up "
                    + "(env MAILAUTOCONF_WARM_UP_REQUESTS; default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warm-up-seconds", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_WARM_UP_SECONDS:-3}",
            description = "The warm-up ends after this long at most (env MAILAUTOCONF_WARM_UP_SECONDS; default: ${DEFAULT-VALUE}).")
    double seconds;

    WarmUpSettings settings() {
        return new WarmUpSettings(requests, Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
