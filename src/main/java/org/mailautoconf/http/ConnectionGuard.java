package org.mailautoconf.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.mailautoconf.ConnectionLimits;

/**
 * The timeouts of the connections of one HTTP server, on that server's event loop, and its part
 * of a stop. Vert.x sees only whole request heads, and its own idle timeout restarts on every
 * byte (a slowloris client sends one now and then), so each connection is given deadlines here,
 * counted from what it has achieved, and a sweep every {@link #SWEEP} closes those past theirs:
 * <ul>
 *   <li>a new connection: its first request head within the request timeout;</li>
 *   <li>after an answer: the next whole request head within the idle timeout;</li>
 *   <li>after a head: its body (an {@code Expect: 100-continue} one, a chunked one) within the
 *       request timeout. Once the body is in, the answer is ours and no deadline applies.</li>
 * </ul>
 */
final class ConnectionGuard {

    static final Duration SWEEP = Duration.ofMillis(100);
    /**
     * How long a stop keeps a connection that waits for a request: a request the client sent
     * before it could know of the stop is still on its way, and is answered, not reset.
     */
    static final Duration DRAIN = Duration.ofSeconds(1);

    private final Vertx vertx;
    private final OpenConnections open;
    private final Handler<HttpServerRequest> router;
    private final long idleNanos;
    private final long requestNanos;
    /** This event loop's connections; touched on it only. */
    private final Map<HttpConnection, TrackedConnection> mine = new HashMap<>();
    private long sweeper = -1;
    private long stopAt;
    private Promise<Void> drained;

    ConnectionGuard(Vertx vertx, OpenConnections open, Handler<HttpServerRequest> router) {
        this.vertx = vertx;
        this.open = open;
        this.router = router;
        ConnectionLimits limits = open.limits();
        this.idleNanos = limits.idleTimeout().toNanos();
        this.requestNanos = limits.requestTimeout().toNanos();
    }

    /** On the server's event loop, before it listens. */
    void start() {
        sweeper = vertx.setPeriodic(SWEEP.toMillis(), id -> sweep());
    }

    void connected(HttpConnection connection) {
        // A connection that arrives while a stop drains the others is served like them: its
        // request is answered with Connection: close. (Vert.x closes the listener and every
        // waiting connection at once, so the listener stays open while they drain; closing a
        // new connection unread would drop the request a reconnecting client sends on it.)
        TrackedConnection c = new TrackedConnection(connection, Vertx.currentContext(), System.nanoTime());
        mine.put(connection, c);
        connection.closeHandler(v -> {
            mine.remove(connection);
            open.closed(c);
        });
        open.opened(c);
    }

    void request(HttpServerRequest request) {
        TrackedConnection c = mine.get(request.connection());
        if (c != null && request.version() == HttpVersion.HTTP_2) {
            // Streams share the connection: it is idle only once none is open, and one stream's
            // answer must not end another's wait (a body deadline is not kept per stream).
            stream(c, request);
        } else if (c != null) {
            c.since = System.nanoTime();
            c.request = request;
        }
        if (drained != null) {
            closeAfter(request);
        }
        router.handle(request);
    }

    private static void stream(TrackedConnection c, HttpServerRequest request) {
        c.streams++;
        boolean[] done = {false};
        Runnable ended = () -> {
            if (!done[0]) {
                done[0] = true;
                c.streams--;
                c.answered = true;
                c.since = System.nanoTime();
            }
        };
        // bodyEndHandler: RequestLog holds the response's one endHandler.
        request.response().bodyEndHandler(v -> ended.run());
        request.response().closeHandler(v -> ended.run());
    }

    private void sweep() {
        long now = System.nanoTime();
        for (TrackedConnection c : new ArrayList<>(mine.values())) {
            if (c.closing || c.streams > 0) {
                continue;
            }
            var request = c.request;
            if (request != null && request.response().ended()) {
                c.request = null;
                c.answered = true;
                c.since = now;
                request = null;
            }
            if (request == null) {
                if (!c.answered && now - c.since > requestNanos) {
                    open.requestTimeout(c);
                } else if (c.answered && now - c.since > idleNanos) {
                    open.idleTimeout(c);
                } else if (drained != null && now - stopAt > DRAIN.toNanos()) {
                    open.close(c);
                }
            } else if (!request.isEnded() && now - c.since > requestNanos) {
                tooSlow(c, request);
            }
        }
        if (drained != null && (mine.isEmpty() || now - stopAt > DRAIN.toNanos() + SWEEP.toNanos())) {
            drained.tryComplete();
        }
    }

    /**
     * Asks the client to close after this answer. HTTP/2 has no {@code Connection} header (RFC
     * 9113, 8.2.2): there the listener's shutdown sends GOAWAY instead.
     */
    private static void closeAfter(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2) {
            request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
    }

    /**
     * A body that did not come in time: 408, and the connection closed.
     */
    private void tooSlow(TrackedConnection c, HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (!response.headWritten()) {
            closeAfter(request);
            response.setStatusCode(408)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end("the request's body did not come within " + open.limits().requestTimeout().toMillis() + " ms\n");
        }
        open.requestTimeout(c);
    }

    /**
     * The first part of a stop, on the event loop: every answer from now on says
     * {@code Connection: close}, and a connection that waits for a request is kept for
     * {@link #DRAIN}: a request the client sent before it read that (the next one of a
     * keep-alive client, a pipelined one) is answered too. Clients close as they are told;
     * completes when no connection is left, or after {@link #DRAIN}, when only the ones still
     * receiving or being answered are (the listener's shutdown finishes those).
     */
    Future<Void> drain(Context context) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (drained == null) {
                stopAt = System.nanoTime();
                drained = done;
                for (TrackedConnection c : mine.values()) {
                    var request = c.request;
                    if (request != null && !request.response().headWritten()) {
                        closeAfter(request);
                    }
                }
                sweep();
            } else {
                drained.future().onComplete(done);
            }
        });
        return done.future();
    }

    void stop() {
        vertx.cancelTimer(sweeper);
    }
}
