package org.mailautoconf.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.internal.net.RFC3986;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mailautoconf.format.autodiscover.RequestReader;

/**
 * Finds the handler of a request by its path and method, and answers what no handler takes:
 * 400 (no Host, a path that does not decode), 404, 405, 413, and 503 while the first registry
 * loads. Matches as vertx-web's router did for the same routes (the routes and their order are
 * in {@link Routes}): on the normalised path ({@link Exchange#normalizedPath()}); a plain path
 * also with one trailing slash; a path parameter is one segment, percent-decoded; the
 * Autodiscover paths in any letter case, without a trailing slash. A path that some route has
 * but not for this method is a 405, any other a 404.
 */
final class Dispatch implements Handler<HttpServerRequest> {

    static final String NOT_FOUND = "nothing here; see /mail/config-v1.1.xml?emailaddress=...";
    static final String TOO_LARGE = "an Autodiscover request has at most " + RequestReader.MAX_BYTES + " bytes";

    private final Vertx vertx;
    private final RequestLog requestLog;
    private final Responses responses;
    /** Null where nothing waits for the registry (the management listener). */
    private final HealthHandler untilLoaded;
    /** Plain paths, each also with a trailing slash: one hash lookup for most requests. */
    private final Map<String, Target> plain;
    /** Paths with a parameter, and those in any letter case, tried in order. */
    private final List<Target> patterns;

    /**
     * A route and its endpoint family for the metrics, found once here: finding it from each
     * request's path was 1.5 % of the request path's CPU samples (JFR).
     */
    private record Target(Route route, String endpoint) {
        Target(Route route) {
            this(route, RequestLog.endpoint(route.path().text()));
        }
    }

    private Dispatch(Vertx vertx, RequestLog requestLog, Responses responses, HealthHandler untilLoaded, List<Route> routes) {
        this.vertx = vertx;
        this.requestLog = requestLog;
        this.responses = responses;
        this.untilLoaded = untilLoaded;
        Map<String, Target> byPath = new HashMap<>();
        for (Route r : routes) {
            if (r.path().isPlain()) {
                byPath.putIfAbsent(r.path().text(), new Target(r));
                if (!r.path().text().equals("/")) {
                    byPath.putIfAbsent(r.path().text() + "/", new Target(r));
                }
            }
        }
        this.plain = Map.copyOf(byPath);
        this.patterns = routes.stream().filter(r -> !r.path().isPlain()).map(Target::new).toList();
    }

    /** @param untilLoaded answers 503 to requests for routes not marked {@link Route#beforeLoading()} until a registry is loaded; null: never */
    static Dispatch of(Vertx vertx, RequestLog requestLog, Responses responses, HealthHandler untilLoaded, List<Route> routes) {
        return new Dispatch(vertx, requestLog, responses, untilLoaded, routes);
    }

    @Override
    public void handle(HttpServerRequest request) {
        Exchange ex = new Exchange(request, vertx);
        requestLog.handle(ex);
        try {
            dispatch(ex);
        } catch (RuntimeException e) {
            ex.fail(e);
        }
    }

    private void dispatch(Exchange ex) {
        HttpServerRequest request = ex.request();
        String raw = request.path();
        if (request.authority() == null && request.version() != HttpVersion.HTTP_1_0 || raw == null || raw.isEmpty()) {
            malformed(ex);
            return;
        }
        Target target = null;
        if (raw.charAt(0) == '/') {
            String path;
            try {
                path = ex.normalizedPath();
                target = plain.get(path);
                for (int i = 0; target == null && i < patterns.size(); i++) {
                    String param = patterns.get(i).route().path().parameter(path);
                    if (param != null) {
                        target = patterns.get(i);
                        ex.pathParam(target.route().path().parameterName(), RFC3986.decodeURIComponent(param, false));
                    }
                }
            } catch (IllegalArgumentException e) {
                malformed(ex);
                return;
            }
        }
        Route route = target == null ? null : target.route();
        ex.endpoint = target == null ? null : target.endpoint();
        Handler<Exchange> handler = route == null ? null : route.handler(request.method());
        if (handler != null && route.beforeLoading()) {
            handler.handle(ex);
        } else if (untilLoaded != null && !untilLoaded.untilLoaded(ex)) {
            return;
        } else if (handler != null) {
            handler.handle(ex);
        } else if (route != null) {
            responses.clientError(ex, 405, "method not allowed here");
        } else {
            responses.clientError(ex, 404, NOT_FOUND);
        }
    }

    private void malformed(Exchange ex) {
        responses.clientError(ex, 400, ex.request().getHeader(HttpHeaders.HOST) == null
                ? "an HTTP/1.1 request names its host in a Host header" : "the request is malformed");
    }

    /** One path: its handler by method (GET also answers HEAD), or one handler for every method. */
    record Route(RoutePath path, boolean beforeLoading, Handler<Exchange> get, Handler<Exchange> post, Handler<Exchange> any) {

        Handler<Exchange> handler(HttpMethod method) {
            if (any != null) {
                return any;
            }
            // Vert.x hands out its constants for these methods: identity first, equals (by name) after.
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
                return get;
            }
            return method == HttpMethod.POST || HttpMethod.POST.equals(method) ? post : null;
        }
    }
}
