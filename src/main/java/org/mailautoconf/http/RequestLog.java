package org.mailautoconf.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: when the answer ends, counts it in the metrics and,
 * if enabled, writes one access-log line. Handlers say what they answered with
 * {@link #format} and {@link #domain}; the path is logged without its query (which holds the
 * address), and no header is ever read here.
 */
final class RequestLog {

    private static final Logger ACCESS = LoggerFactory.getLogger("org.mailautoconf.access");
    private static final String FORMAT = "mailautoconf.format";
    private static final String DOMAIN = "mailautoconf.domain";
    private static final String OUTCOME = "mailautoconf.outcome";

    private final Metrics metrics;
    private final boolean accessLog;

    RequestLog(Metrics metrics, boolean accessLog) {
        this.metrics = metrics;
        this.accessLog = accessLog;
    }

    static void format(RoutingContext ctx, String format) {
        ctx.put(FORMAT, format);
    }

    static void domain(RoutingContext ctx, String asciiDomain) {
        ctx.put(DOMAIN, asciiDomain);
    }

    /** An error told in the client's own protocol (Autodiscover sends its errors with HTTP 200). */
    static void protocolError(RoutingContext ctx) {
        ctx.put(OUTCOME, "protocol_error");
    }

    void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(v -> {
            long nanos = System.nanoTime() - start;
            int status = ctx.response().getStatusCode();
            String endpoint = endpoint(ctx.request().path());
            String format = ctx.get(FORMAT, "none");
            metrics.request(endpoint, format, ctx.get(OUTCOME, outcome(status)), nanos);
            if (accessLog) {
                ACCESS.info("{} {} {} {}B {}us format={} domain={}", ctx.request().method(), loggablePath(ctx.request().path()), status,
                        ctx.response().bytesWritten(), nanos / 1000, format, ctx.get(DOMAIN, "-"));
            }
        });
        ctx.next();
    }

    /** The path with any address or ACME token in it cut off ({@code /mobileconfig/ADDR}, Autodiscover v2's {@code /v1.0/ADDR}). */
    static String loggablePath(String path) {
        if (path == null) {
            return "";
        }
        String lower = path.toLowerCase(Locale.ROOT);
        int at = lower.startsWith("/mobileconfig/") ? "/mobileconfig/".length()
                : lower.startsWith("/autodiscover/autodiscover.json/v1.0/") ? "/autodiscover/autodiscover.json/v1.0/".length()
                : lower.startsWith("/.well-known/acme-challenge/") ? "/.well-known/acme-challenge/".length() : -1;
        return at < 0 || at >= path.length() ? path : path.substring(0, at) + "…";
    }

    /** The endpoint family of a path: a fixed set, whatever the path. */
    static String endpoint(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (p.startsWith("/mail/") || p.startsWith("/.well-known/autoconfig/") || p.startsWith("/v1.1/") || p.startsWith("/autoconfig/")) {
            return "autoconfig";
        }
        if (p.startsWith("/autodiscover/")) {
            return "autodiscover";
        }
        if (p.startsWith("/mobileconfig")) {
            return "mobileconfig";
        }
        if (p.equals("/healthz") || p.equals("/readyz")) {
            return "health";
        }
        if (p.equals("/metrics")) {
            return "metrics";
        }
        if (p.equals("/") || p.startsWith("/setup")) {
            return "setup";
        }
        return "other";
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
