package org.mailautoconf.http;

import io.vertx.core.http.HttpServerRequest;
import org.mailautoconf.LogSettings.ClientAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: when the answer ends, counts it in the metrics and,
 * if enabled, writes one access-log line. Handlers say what they answered with
 * {@link #format} and {@link #domain}; the path is logged without its query (which holds the
 * address) and without any address in it, every value escaped ({@link LogText}), and no header
 * is ever read here. Each line carries its values as key-value pairs too, the fields of JSON logs.
 */
final class RequestLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.mailautoconf.access");
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.mailautoconf.requests");

    private final Metrics metrics;
    private final boolean accessLog;
    private final ClientAddress client;

    RequestLog(Metrics metrics, boolean accessLog, ClientAddress client) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.client = client;
    }

    static void format(Exchange ctx, String format) {
        ctx.format = format;
    }

    static void domain(Exchange ctx, String asciiDomain) {
        ctx.domain = asciiDomain;
    }

    /** An error told in the client's own protocol (Autodiscover sends its errors with HTTP 200). */
    static void protocolError(Exchange ctx) {
        ctx.outcome = "protocol_error";
    }

    /** Expensive work refused: {@code limited} (429, the client's budget) or {@code busy} (503: the signing queue is full, the signatures a second are spent, or an MX lookup was turned away). */
    static void outcome(Exchange ctx, String outcome) {
        ctx.outcome = outcome;
    }

    /**
     * Counts and logs the request when its answer ends, or its connection closes first (Vert.x
     * calls a response's end handler then too).
     */
    void handle(Exchange ctx) {
        long start = System.nanoTime();
        ctx.response().endHandler(v -> {
            int status = ctx.response().getStatusCode();
            ended(ctx.request(), routedPath(ctx), ctx.endpoint, status, ctx.format, ctx.outcome == null ? outcome(status) : ctx.outcome,
                    ctx.domain, System.nanoTime() - start);
        });
    }

    /** A request refused before routing ({@link RequestGate}): counted and access-logged as any other. */
    void refusedBeforeRouting(HttpServerRequest request, long startNanos) {
        request.response().endHandler(v -> {
            int status = request.response().getStatusCode();
            ended(request, request.path(), null, status, "none", outcome(status), "-", System.nanoTime() - startNanos);
        });
    }

    /** @param endpoint the routed request's endpoint family; null: found from the path */
    private void ended(HttpServerRequest request, String path, String endpoint, int status, String format, String outcome, String domain,
                       long nanos) {
        metrics.request(endpoint != null ? endpoint : endpoint(path), format, outcome, nanos);
        if (accessLog) {
            String method = LogText.escape(request.method().name());
            String logged = LogText.path(path);
            long bytes = request.response().bytesWritten();
            String escapedDomain = LogText.escape(domain);
            String from = LogText.client(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(), client);
            ACCESS.atInfo().setMessage("{} {} {} {}B {}us format={} domain={} client={}")
                    .addArgument(method).addArgument(logged).addArgument(status).addArgument(bytes).addArgument(nanos / 1000)
                    .addArgument(format).addArgument(escapedDomain).addArgument(from)
                    .addKeyValue("method", method).addKeyValue("path", logged).addKeyValue("status", status)
                    .addKeyValue("bytes", bytes).addKeyValue("micros", nanos / 1000).addKeyValue("format", format)
                    .addKeyValue("domain", escapedDomain).addKeyValue("client", from)
                    .log();
        }
    }

    /**
     * The one line of a request answered with an error: method, path without any address, status,
     * and our reason, each escaped. Never headers.
     */
    static void refusal(HttpServerRequest request, String path, int status, String reason) {
        String method = LogText.escape(request.method().name());
        String logged = LogText.path(path);
        String why = LogText.escape(reason);
        REQUESTS.atInfo().setMessage("{} {} -> {}: {}").addArgument(method).addArgument(logged).addArgument(status).addArgument(why)
                .addKeyValue("method", method).addKeyValue("path", logged).addKeyValue("status", status).addKeyValue("reason", why)
                .log();
    }

    /**
     * The path the router matched: dot segments resolved, double slashes made one, so that the
     * address in {@code //mobileconfig/ADDR} is cut as in {@code /mobileconfig/ADDR}. The raw
     * path when it cannot be normalised (a bad escape; the address cut is then per segment).
     */
    static String routedPath(Exchange ctx) {
        try {
            return ctx.normalizedPath();
        } catch (IllegalArgumentException e) {
            return ctx.request().path();
        }
    }

    /**
     * The endpoint family of a path: a fixed set, whatever the path. Compared in any letter case
     * in place: lower-casing a copy of every path cost an allocation per request.
     */
    static String endpoint(String path) {
        String p = path == null ? "" : path;
        if (starts(p, "/mail/") || starts(p, "/.well-known/autoconfig/") || starts(p, "/v1.1/") || starts(p, "/autoconfig/")) {
            return "autoconfig";
        }
        if (starts(p, "/autodiscover/")) {
            return "autodiscover";
        }
        if (starts(p, "/mobileconfig")) {
            return "mobileconfig";
        }
        if (p.equalsIgnoreCase("/.well-known/user-agent-configuration.json")) {
            return "pacc";
        }
        if (p.equalsIgnoreCase("/.well-known/caldav") || p.equalsIgnoreCase("/.well-known/carddav")) {
            return "dav";
        }
        if (p.equalsIgnoreCase("/healthz") || p.equalsIgnoreCase("/readyz")) {
            return "health";
        }
        if (p.equalsIgnoreCase("/metrics")) {
            return "metrics";
        }
        if (p.equals("/") || starts(p, "/setup") || starts(p, "/branding/")) {
            return "setup";
        }
        return "other";
    }

    private static boolean starts(String path, String prefix) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static String outcome(int status) {
        if (status == 304) {
            return "not_modified";
        }
        if (status >= 300 && status < 400) {
            return "redirect";
        }
        if (status == 404) {
            return "not_found";
        }
        if (status >= 400 && status < 500) {
            return "bad_request";
        }
        if (status == 503) {
            return "not_ready";
        }
        if (status >= 500) {
            return "error";
        }
        return "answered";
    }
}
