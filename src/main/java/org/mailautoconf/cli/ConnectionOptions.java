package org.mailautoconf.cli;

import java.time.Duration;
import java.util.Optional;
import org.mailautoconf.ConnectionLimits;
import org.mailautoconf.HostPort;
import picocli.CommandLine.Option;

/** Timeouts, the cap on open connections, and the private management listener. */
final class ConnectionOptions {

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_IDLE_TIMEOUT:-15}",
            description = "Close a keep-alive connection whose next request has not come within this time (env MAILAUTOCONF_IDLE_TIMEOUT; default: ${DEFAULT-VALUE}).")
    double idleSeconds;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_REQUEST_TIMEOUT:-10}",
            description = "Close a connection that takes longer to send a request head, or a request's body (env MAILAUTOCONF_REQUEST_TIMEOUT; default: ${DEFAULT-VALUE}).")
    double requestSeconds;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "${env:MAILAUTOCONF_MAX_CONNECTIONS:-10000}",
            description = "Open connections kept at most; near it, idle and slow ones are closed first (env MAILAUTOCONF_MAX_CONNECTIONS; default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--management-listen", paramLabel = "ADDRESS:PORT", defaultValue = "${env:MAILAUTOCONF_MANAGEMENT_LISTEN}",
            description = "Serve /metrics, /readyz and /healthz here, and not on the public port (env MAILAUTOCONF_MANAGEMENT_LISTEN; e.g. 127.0.0.1:9090).")
    String managementListen;

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    ConnectionLimits limits() {
        return new ConnectionLimits(duration(idleSeconds), duration(requestSeconds), maxConnections);
    }

    /**
     * @throws IllegalArgumentException when the address is not ADDRESS:PORT
     */
    Optional<HostPort> management() {
        if (managementListen == null || managementListen.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostPort.parse(managementListen.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--management-listen " + e.getMessage());
        }
    }

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
