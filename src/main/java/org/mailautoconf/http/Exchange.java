package org.mailautoconf.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.internal.net.RFC3986;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its answer on their way through {@link Dispatch}: what a handler reads (the
 * request, its path parameter, the body the Autodiscover POST read) and what it tells the
 * access log. The methods a handler uses keep the names vertx-web's {@code Exchange}
 * gave them, one object per request and no map of values (the router's context was about a
 * sixth of the request path's CPU samples, JFR).
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final HttpServerRequest request;
    private final Vertx vertx;
    private String normalizedPath;
    private String paramName;
    private String paramValue;
    private Body body = Body.NONE;
    private Runnable next;
    String format = "none";
    String domain = "-";
    String outcome;
    /** The endpoint family of the matched route ({@link RequestLog#endpoint}), or null: then found from the path. */
    String endpoint;
    /** A {@code Cache-Control} for the answer in place of the usual max-age (an answer made without its directory), or null. */
    String cacheControl;

    /** The request body as read, or a null buffer when the request had none. */
    record Body(Buffer buffer) {
        /** No body: one for every request, not one made per request. */
        static final Body NONE = new Body(null);
    }

    Exchange(HttpServerRequest request, Vertx vertx) {
        this.request = request;
        this.vertx = vertx;
    }

    HttpServerRequest request() {
        return request;
    }

    HttpServerResponse response() {
        return request.response();
    }

    Vertx vertx() {
        return vertx;
    }

    /** The decoded value of the route's one parameter ({@code :domain}, {@code :address}, {@code :token}), or null. */
    String pathParam(String name) {
        return name.equals(paramName) ? paramValue : null;
    }

    void pathParam(String name, String value) {
        this.paramName = name;
        this.paramValue = value;
    }

    Body body() {
        return body;
    }

    void body(Buffer read) {
        this.body = new Body(read);
    }

    /** The decoded query, as the router's {@code queryParams()} gave it. */
    MultiMap queryParams() {
        return request.params();
    }

    /**
     * The path with its dot segments resolved, double slashes made one and percent-escapes of
     * unreserved characters decoded (RFC 3986, section 6.2.2, as vertx-web did it): what routes
     * are matched against and what the log shows.
     *
     * @throws IllegalArgumentException when the path holds a bad escape
     */
    String normalizedPath() {
        if (normalizedPath == null) {
            normalizedPath = normalize(request.path());
        }
        return normalizedPath;
    }

    /**
     * Vert.x core's normaliser, the router's, only where it changes something: it copies every
     * path with a '.' in it, and every autoconfig path has one.
     */
    static String normalize(String path) {
        if (path == null) {
            return "/";
        }
        if (path.isEmpty() || path.charAt(0) != '/' || path.indexOf('%') >= 0 || path.contains("//") || hasDotSegment(path)) {
            return RFC3986.normalizePath(path);
        }
        return path;
    }

    /** A segment that is "." or "..". */
    private static boolean hasDotSegment(String path) {
        for (int i = path.indexOf("/."); i >= 0; i = path.indexOf("/.", i + 1)) {
            int after = i + 2;
            if (after == path.length() || path.charAt(after) == '/') {
                return true;
            }
            if (path.charAt(after) == '.' && (after + 1 == path.length() || path.charAt(after + 1) == '/')) {
                return true;
            }
        }
        return false;
    }

    /** Passes the request on to the next handler of its route (the setup page after the https redirect's check). */
    void next() {
        Runnable then = next;
        next = null;
        if (then != null) {
            then.run();
        }
    }

    void onNext(Runnable then) {
        this.next = then;
    }

    /**
     * A handler failed: one error line with the cause, and a 500 unless an answer went out
     * already, as the router did.
     */
    void fail(Throwable failure) {
        LOG.error("answering {} {} failed", request.method().name(), LogText.path(RequestLog.routedPath(this)), failure);
        HttpServerResponse response = response();
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(500).end("Internal Server Error");
        }
    }
}
