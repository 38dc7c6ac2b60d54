package org.mailautoconf.http;

import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open connection as {@link ConnectionGuard} sees it. Written on the connection's own event
 * loop; read (volatile) by {@link OpenConnections} when it picks connections to close.
 */
final class TrackedConnection {

    final HttpConnection connection;
    final Context context;
    /** The request being received or answered; null while the connection waits for one. */
    volatile HttpServerRequest request;
    /** {@link System#nanoTime()} when the request came, or when the connection began to wait for one. */
    volatile long since;
    /** At least one answer was sent: the wait for the next request is the idle (keep-alive) one. */
    volatile boolean answered;
    /**
     * HTTP/2 streams begun and not yet answered; touched on the connection's event loop only.
     * While one is open the connection is not idle, whatever its other streams did.
     */
    int streams;
    /** Its close has been asked for; it no longer counts as open for the cap. */
    volatile boolean closing;
    /** Still in {@link OpenConnections}' count: left exactly once, by the close asked for or the close seen. */
    private final AtomicBoolean counted = new AtomicBoolean(true);

    TrackedConnection(HttpConnection connection, Context context, long now) {
        this.connection = connection;
        this.context = context;
        this.since = now;
    }

    /**
     * Closes it on its own event loop. A handler still reading a body is not told: the close it
     * would see is the service's choice, not a failure to log (a stack trace per slow client).
     */
    void close() {
        context.runOnContext(v -> {
            HttpServerRequest r = request;
            if (r != null && !r.isEnded()) {
                r.exceptionHandler(e -> { });
            }
            connection.close();
        });
    }

    boolean uncount() {
        return counted.compareAndSet(true, false);
    }

    /** Waiting for a request head: nothing of ours is in progress on it. */
    boolean waiting() {
        return request == null;
    }

    /** A request whose head came but whose body has not ended: the client's part is unfinished. */
    boolean receiving() {
        HttpServerRequest r = request;
        return r != null && !r.isEnded() && !r.response().ended();
    }
}
