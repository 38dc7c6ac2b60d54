package org.mailautoconf.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads a request body of at most a given size, then hands the request on with it: 413 before
 * reading anything when {@code Content-Length} says more, and as soon as a chunked body grows
 * past it. A request without {@code Content-Length} or {@code Transfer-Encoding} has no body.
 * {@code Expect: 100-continue} is answered; any other expectation is 417.
 */
final class BoundedBody implements Handler<Exchange> {

    private final int limit;
    private final Handler<Exchange> then;
    private final Responses responses;
    private final String tooLarge;

    BoundedBody(int limit, Handler<Exchange> then, Responses responses, String tooLarge) {
        this.limit = limit;
        this.then = then;
        this.responses = responses;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handle(Exchange ex) {
        HttpServerRequest request = ex.request();
        long length = contentLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        boolean chunked = request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (!chunked && length < 0 || request.isEnded()) {
            then.handle(ex);
            return;
        }
        if (length > limit) {
            responses.clientError(ex, 413, tooLarge);
            return;
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                responses.clientError(ex, 417, "the only expectation understood here is 100-continue");
                return;
            }
            if (request.version() != HttpVersion.HTTP_1_0) {
                ex.response().writeContinue();
            }
        }
        Buffer body = Buffer.buffer((int) Math.min(length < 0 ? 1024 : length, limit));
        boolean[] refused = {false};
        // A connection lost midway ends the response too, which the access log records.
        request.exceptionHandler(e -> refused[0] = true);
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + chunk.length() > limit) {
                refused[0] = true;
                responses.clientError(ex, 413, tooLarge);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!refused[0]) {
                ex.body(body);
                try {
                    then.handle(ex);
                } catch (RuntimeException e) {
                    ex.fail(e);
                }
            }
        });
        request.resume();
    }

    /** The declared length, or -1 when there is none or it is not a number (as vertx-web read it). */
    private static long contentLength(String value) {
        if (value == null || value.isEmpty()) {
            return -1;
        }
        try {
            long n = Long.parseLong(value);
            return n < 0 ? -1 : n;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
