package org.mailautoconf;

import java.time.Duration;
import java.util.Objects;

/**
 * How the listeners treat connections: how long a client may take, and how many connections may
 * be open. Nothing here is a client's fault when it is met; each limit is about the clients that
 * hold a connection without using it (scanners, slowloris), so that the others are answered.
 *
 * @param idleTimeout    how long a connection may wait for its next request once an answer is sent
 *                       (keep-alive); the whole next request head must have come by then
 * @param requestTimeout how long a new connection may take to send its first request head, and
 *                       any request to send its body once its head is in
 * @param maxConnections how many connections a listener keeps open; near it (within
 *                       {@link #reserve()}) the connections that have waited longest without a
 *                       request in progress are closed, so that a new client is still answered
 */
public record ConnectionLimits(Duration idleTimeout, Duration requestTimeout, int maxConnections) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public ConnectionLimits {
        Objects.requireNonNull(idleTimeout, "idle timeout must be set");
        Objects.requireNonNull(requestTimeout, "request timeout must be set");
        if (idleTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("--idle-timeout must be positive, was " + idleTimeout.toMillis() + " ms");
        }
        if (requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("--request-timeout must be positive, was " + requestTimeout.toMillis() + " ms");
        }
        if (maxConnections < 2) {
            throw new IllegalArgumentException("--max-connections must be at least 2, was " + maxConnections);
        }
    }

    public static ConnectionLimits defaults() {
        return new ConnectionLimits(DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
    }

    /** The same limits with at most {@code cap} connections (the file limit of the process may be lower). */
    public ConnectionLimits withMaxConnections(int cap) {
        return new ConnectionLimits(idleTimeout, requestTimeout, cap);
    }

    /**
     * The connections kept free for new clients: a tenth of the cap. Once fewer are free, the
     * longest-waiting connections without a request in progress are closed.
     */
    public int reserve() {
        return Math.max(1, maxConnections / 10);
    }
}
