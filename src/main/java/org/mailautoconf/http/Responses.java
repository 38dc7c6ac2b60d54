package org.mailautoconf.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.mailautoconf.answer.Answer;

/** Sends answers and plain-text errors the same way for every endpoint. */
final class Responses {

    private final CharSequence cacheControl;
    /** Bytes of kept bodies outside the heap, at most {@link #DIRECT_BYTES}. */
    private final AtomicLong directBytes = new AtomicLong();
    /**
     * Each cached answer on the wire, made once: its body as a Vert.x buffer (copying the body
     * into a new buffer was about a tenth of the request path's CPU samples, JFR) and its header
     * values as ASCII strings, which Netty copies as bytes where it encodes a {@code String} one
     * character at a time (5 % of the samples, bench/README.md). Keyed by the body array itself
     * (weak keys compare by identity), so an entry lives no longer than the answer that holds the
     * array: the answer caches bound it, and it needs no bound of its own, whose upkeep over a
     * spread of answers (an access order, a frequency sketch) cost 0.2-0.5 µs a request. Vert.x
     * writes a buffer through a slice it cannot release, so one buffer can go out on any number of
     * responses.
     */
    private final Cache<byte[], Wire> wires = Caffeine.newBuilder()
            .executor(Runnable::run) // its upkeep on the event loop, not a woken thread (Answers says why)
            .weakKeys()
            .removalListener((byte[] body, Wire wire, RemovalCause cause) -> {
                if (wire != null && wire.direct()) {
                    directBytes.addAndGet(-wire.body().length());
                }
            })
            .build();

    /**
     * At most this many bytes of answer bodies are kept outside the heap; the others stay on it.
     * The heap is sized to the container (docs/deploy.md), memory beside it is not: this bounds
     * what the kept bodies add there (the JVM frees them once collected; the count may run ahead).
     */
    static final long DIRECT_BYTES = 16L * 1024 * 1024;

    Responses(Duration maxAge) {
        this.cacheControl = HttpHeaders.createOptimized("max-age=" + maxAge.toSeconds());
    }

    /**
     * An answer as it goes out, and the texts it was made from ({@code etagText}, {@code typeText},
     * {@code headersFrom}): the same body array comes with the same ones (they are made together),
     * which {@link #fits} checks before a kept one is used. Nothing here holds the body array, the
     * weak key.
     */
    private record Wire(Buffer body, String etagText, CharSequence etag, String typeText, CharSequence type, CharSequence length,
                        Map<String, String> headersFrom, List<Map.Entry<CharSequence, CharSequence>> headers, boolean ownCacheControl,
                        boolean direct) {

        /** For an answer sent once: its body on the heap, as Vert.x makes it. */
        static Wire of(Answer answer) {
            return of(answer, Buffer.buffer(answer.body()), false);
        }

        /**
         * For an answer sent again and again: its body outside the heap, which the socket writes
         * from as it is (Netty copies a heap buffer into a direct one for every write). Freed by
         * the collector once no wire and no response in flight holds it: nothing releases it.
         */
        static Wire kept(Answer answer) {
            ByteBuffer direct = ByteBuffer.allocateDirect(answer.body().length).put(answer.body()).flip();
            return of(answer, BufferInternal.buffer(Unpooled.wrappedBuffer(direct)), true);
        }

        private static Wire of(Answer answer, Buffer body, boolean direct) {
            List<Map.Entry<CharSequence, CharSequence>> headers = new ArrayList<>(answer.headers().size());
            boolean cacheControl = false;
            for (Map.Entry<String, String> h : answer.headers().entrySet()) {
                headers.add(Map.entry(HttpHeaders.createOptimized(h.getKey()), HttpHeaders.createOptimized(h.getValue())));
                cacheControl |= h.getKey().equalsIgnoreCase(HttpHeaders.CACHE_CONTROL.toString());
            }
            return new Wire(body, answer.etag(), HttpHeaders.createOptimized(answer.etag()),
                    answer.contentType(), HttpHeaders.createOptimized(answer.contentType()),
                    HttpHeaders.createOptimized(Integer.toString(answer.body().length)), answer.headers(), List.copyOf(headers), cacheControl, direct);
        }

        boolean fits(Answer answer) {
            // equals looks at identity first: a cached answer brings the very same texts each time.
            return etagText.equals(answer.etag()) && typeText.equals(answer.contentType()) && headersFrom.equals(answer.headers());
        }
    }

    /**
     * The kept wire form of a 200 answer. A body is first kept on the heap and moves outside it
     * when it is sent a second time, while {@link #DIRECT_BYTES} allow: a body made for one
     * request (a v2 JSON answer) would otherwise take direct memory that only a collection gives
     * back.
     */
    private Wire wire(Answer answer) {
        Wire wire = wires.getIfPresent(answer.body());
        if (wire == null) {
            wire = Wire.of(answer);
            wires.put(answer.body(), wire);
        } else if (!wire.fits(answer)) {
            wire = Wire.of(answer);
        } else if (!wire.direct() && directBytes.addAndGet(answer.body().length) <= DIRECT_BYTES) {
            wire = Wire.kept(answer);
            wires.put(answer.body(), wire);
        } else if (!wire.direct()) {
            directBytes.addAndGet(-answer.body().length);
        }
        return wire;
    }

    /** The answer, or 304 when the client already has these bytes. */
    void send(Exchange ctx, Answer answer) {
        // Answers of 200 come from the answer cache, the same arrays again and again; others
        // (a redirect) are made per request, and a wire form kept for them would not be used again.
        Wire wire = answer.status() == 200 ? wire(answer) : Wire.of(answer);
        HttpServerResponse response = ctx.response();
        // add, not putHeader: the response's headers are new, so there is nothing to replace.
        MultiMap headers = response.headers();
        for (Map.Entry<CharSequence, CharSequence> h : wire.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        if (answer.status() == 200) {
            headers.add(HttpHeaders.ETAG, wire.etag());
            if (!wire.ownCacheControl()) {
                // The exchange's is shorter on purpose: an answer made without its directory.
                headers.add(HttpHeaders.CACHE_CONTROL, ctx.cacheControl != null ? ctx.cacheControl : cacheControl);
            }
            String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && matches(ifNoneMatch, answer.etag())) {
                response.setStatusCode(304).end();
                return;
            }
        } else {
            response.setStatusCode(answer.status());
        }
        // The length is set here, not left to Vert.x: see body().
        headers.add(HttpHeaders.CONTENT_TYPE, wire.type()).add(HttpHeaders.CONTENT_LENGTH, wire.length());
        response.end(wire.body());
    }

    /**
     * A 4xx with a one-line reason. The reason is written by us (it may quote a normalised domain,
     * never raw client input) and logged with the path, never with headers or the address.
     */
    void clientError(Exchange ctx, int status, String reason) {
        logged(ctx, status, reason);
        text(ctx, status, reason);
    }

    /**
     * A line of plain text of ours, never cached, and not logged: for health checks and the 503
     * of a service still loading, which come by the thousand.
     */
    void text(Exchange ctx, int status, String line) {
        plain(ctx.response(), status, line);
    }

    /** A line of plain text, never cached: also for requests refused before routing. */
    static void plain(HttpServerResponse response, int status, String line) {
        body(response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store"), Buffer.buffer(line + "\n"));
    }

    /**
     * A refusal for now (429: the client's budget; 503: the service is busy) with
     * {@code Retry-After} in whole seconds, at least one, and the request's outcome for its log line.
     */
    static void retryLater(Exchange ctx, int status, Duration retryAfter, String line) {
        RequestLog.outcome(ctx, status == 429 ? "limited" : "busy");
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        plain(ctx.response(), status, line);
    }

    /**
     * Ends with the body and its length. The length is set here, not left to Vert.x, which
     * leaves it out of the answer to a HEAD: a HEAD gets the headers a GET would.
     */
    private static void body(HttpServerResponse response, Buffer body) {
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end(body);
    }

    private static void logged(Exchange ctx, int status, String reason) {
        RequestLog.refusal(ctx.request(), RequestLog.routedPath(ctx), status, reason);
    }

    /**
     * An HTML page for people. Not cached anywhere (it may show an address); an error page is
     * logged like {@link #clientError}, with our reason and never the typed text.
     */
    void page(Exchange ctx, int status, byte[] html, String contentType, String reason) {
        if (status >= 400) {
            logged(ctx, status, reason);
        }
        body(ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store"), Buffer.buffer(html));
    }

    /**
     * An answer that describes a failure in the client's own format (an Autodiscover error, a v2
     * JSON error): sent as built, never cached, with one log line (the path without any address).
     */
    void sendFailure(Exchange ctx, Answer answer, String reason) {
        logged(ctx, answer.status(), reason);
        HttpServerResponse response = ctx.response();
        answer.headers().forEach(response::putHeader);
        body(response.setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store"), Buffer.buffer(answer.body()));
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
