package org.mailautoconf.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import org.mailautoconf.answer.Answer;

/** Sends answers and plain-text errors the same way for every endpoint. */
final class Responses {

    /** At most this many bytes of answer bodies are also kept as buffers. */
    static final long MAX_BUFFERED_BYTES = 32L * 1024 * 1024;

    private final String cacheControl;
    /**
     * Each cached answer's body as a Vert.x buffer, made once: copying it into a new buffer was
     * about a tenth of the request path's CPU samples (JFR). Keyed by the body array itself
     * (weak keys compare by identity), so an entry lives no longer than the answer that holds
     * the array. Vert.x writes a buffer through a slice it cannot release, so one buffer can go
     * out on any number of responses.
     */
    private final Cache<byte[], Buffer> buffers = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(MAX_BUFFERED_BYTES)
            .weigher((byte[] body, Buffer buffer) -> body.length)
            .build();

    Responses(Duration maxAge) {
        this.cacheControl = "max-age=" + maxAge.toSeconds();
    }

    /** The answer, or 304 when the client already has these bytes. */
    void send(Exchange ctx, Answer answer) {
        HttpServerResponse response = ctx.response();
        answer.headers().forEach(response::putHeader);
        if (answer.status() == 200) {
            response.putHeader(HttpHeaders.ETAG, answer.etag());
            if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                // One set already is shorter on purpose: an answer made without its directory.
                response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            }
            String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (ifNoneMatch != null && matches(ifNoneMatch, answer.etag())) {
                response.setStatusCode(304).end();
                return;
            }
        }
        // Answers of 200 come from the answer cache, the same arrays again and again; others
        // (a redirect) are made per request, and a buffer kept for them would not be used again.
        Buffer body = answer.status() == 200 ? buffers.get(answer.body(), Buffer::buffer) : Buffer.buffer(answer.body());
        body(response.setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType()), body);
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
