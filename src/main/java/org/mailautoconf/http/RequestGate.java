package org.mailautoconf.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.List;

/**
 * Stands in front of the router and answers 400, with one log line, to a request whose head is
 * malformed where Vert.x would stumble: a '%' in {@code Host} throws inside Vert.x's own
 * authority check (the connection then hangs), a bad percent-escape throws from the router's
 * path normalisation or a handler's query decoding (a stack trace per request). It also
 * applies RFC 9112's rules for the host: one {@code Host} line (section 3.2), and the authority
 * of an absolute-form target in place of {@code Host} (section 3.2.2), which Vert.x ignores.
 */
final class RequestGate implements Handler<HttpServerRequest> {

    private final Handler<HttpServerRequest> next;
    private final RequestLog requestLog;
    /**
     * The last Host value found good: clients send the same one on every request, and parsing
     * it again was most of this gate's cost (JFR). The check is a pure function of the value.
     */
    private volatile String goodHost = "";

    RequestGate(Handler<HttpServerRequest> next, RequestLog requestLog) {
        this.next = next;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long start = System.nanoTime();
        String problem = problem(request);
        if (problem == null) {
            next.handle(request);
            return;
        }
        requestLog.refusedBeforeRouting(request, start);
        RequestLog.refusal(request, request.path(), 400, problem);
        Responses.plain(request.response(), 400, problem);
    }

    /** What is wrong with the request's head, or null; an absolute-form target's authority becomes its Host. */
    String problem(HttpServerRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.size() > 1) {
            return "a request has one Host header (RFC 9112, section 3.2)";
        }
        String target = request.uri();
        if (!escapesAreWhole(target)) {
            return "a '%' in the request target is not followed by two hex digits";
        }
        int scheme = target.startsWith("/") ? -1 : target.indexOf("://");
        if (scheme > 0) {
            int from = scheme + 3;
            int to = from;
            while (to < target.length() && "/?#".indexOf(target.charAt(to)) < 0) {
                to++;
            }
            String authority = target.substring(from, to);
            if (!isHostAndPort(authority)) {
                return "the host of the request target is not a host name with an optional port";
            }
            // RFC 9112, 3.2.2: the target's authority is the request's host, whatever Host says.
            request.headers().set(HttpHeaders.HOST, authority);
        } else if (hosts.size() == 1 && !goodHost(hosts.get(0))) {
            return "the Host header is not a host name with an optional port";
        }
        return null;
    }

    private boolean goodHost(String host) {
        if (host.equals(goodHost)) {
            return true;
        }
        if (!isHostAndPort(host)) {
            return false;
        }
        goodHost = host;
        return true;
    }

    /** True when every '%' starts an escape of two hex digits. */
    static boolean escapesAreWhole(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII only: {@code Character.digit} would take other scripts' digits, which no decoder does. */
    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /**
     * A name or IP literal with an optional port. No '%' at all: no host name has one, an IPv6
     * zone has no place in a Host header, and Vert.x's parser throws on some.
     */
    private static boolean isHostAndPort(String value) {
        if (value.isEmpty() || value.indexOf('%') >= 0 || value.indexOf('@') >= 0) {
            return false;
        }
        try {
            return HostAndPort.parseAuthority(value, -1) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
