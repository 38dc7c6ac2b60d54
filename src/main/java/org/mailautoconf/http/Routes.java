package org.mailautoconf.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.mailautoconf.format.autodiscover.RequestReader;

/** Every path the service answers, each once. docs/endpoints.md describes them. */
final class Routes {

    /** Autodiscover paths in any letter case: Outlook, Windows Mail and others each capitalise their own way. */
    private static final String AUTODISCOVER_XML = "(?i)/autodiscover/autodiscover\\.xml";
    private static final String AUTODISCOVER_JSON = "(?i)/autodiscover/autodiscover\\.json";
    private static final String AUTODISCOVER_JSON_V1 = "(?i)/autodiscover/autodiscover\\.json/v1\\.0/(?<address>[^/]+)";

    /** The handlers of one running service. */
    record Handlers(RequestLog requestLog, AutoconfigHandler autoconfig, AutodiscoverHandler autodiscover,
                    AutodiscoverJsonHandler autodiscoverJson, MobileconfigHandler mobileconfig, SetupPageHandler setupPage,
                    HealthHandler health, Metrics metrics, Responses responses, java.util.Optional<TlsRoutes> tls,
                    WellKnownHandler wellKnown, BrandingHandler branding) {}

    private Routes() {
    }

    /** The public endpoints; the management ones too unless they have a listener of their own. */
    static Router router(Vertx vertx, Handlers h, boolean withManagement) {
        Router router = Router.router(vertx);
        router.route().handler(h.requestLog()::handle);

        if (withManagement) {
            managementRoutes(router, h);
        }
        router.route().handler(h.health()::untilLoaded);

        h.tls().ifPresent(t -> t.mount(router));
        get(router, "/").handler(h.setupPage()::page);
        get(router, BrandingHandler.PATH).handler(h.branding()::logo);

        get(router, "/mail/config-v1.1.xml").handler(h.autoconfig()::byAddressOrHost);
        get(router, "/.well-known/autoconfig/mail/config-v1.1.xml").handler(h.autoconfig()::byAddressOrHost);
        get(router, "/v1.1/:domain").handler(h.autoconfig()::byDomain);
        get(router, "/autoconfig/v1.1/:domain").handler(h.autoconfig()::byDomain);

        // Before the regex routes, which the router would otherwise try on every profile request
        // (no path matches both, so the order changes no answer).
        get(router, "/mobileconfig").handler(h.mobileconfig()::byQuery);
        get(router, "/mobileconfig/:address").handler(h.mobileconfig()::byPath);

        // The body limit answers 413 before a larger request is read.
        BodyHandler autodiscoverBody = BodyHandler.create(false).setBodyLimit(RequestReader.MAX_BYTES);
        router.routeWithRegex(HttpMethod.POST, AUTODISCOVER_XML).handler(autodiscoverBody).handler(h.autodiscover()::post);
        getRegex(router, AUTODISCOVER_XML).handler(h.autodiscover()::get);
        getRegex(router, AUTODISCOVER_JSON).handler(h.autodiscoverJson()::byQuery);
        getRegex(router, AUTODISCOVER_JSON_V1).handler(h.autodiscoverJson()::byPath);


        get(router, "/.well-known/user-agent-configuration.json").handler(h.wellKnown()::pacc);
        // RFC 6764: any method (clients PROPFIND first) is redirected to the context path.
        router.route("/.well-known/caldav").handler(h.wellKnown()::caldav);
        router.route("/.well-known/carddav").handler(h.wellKnown()::carddav);

        errors(router, h.responses());
        return router;
    }

    /** {@code --management-listen}: health, readiness and metrics only, for probes and scrapers. */
    static Router management(Vertx vertx, Handlers h) {
        Router router = Router.router(vertx);
        router.route().handler(h.requestLog()::handle);
        managementRoutes(router, h);
        errors(router, h.responses());
        return router;
    }

    private static void managementRoutes(Router router, Handlers h) {
        get(router, "/healthz").handler(h.health()::healthz);
        get(router, "/readyz").handler(h.health()::readyz);
        get(router, "/metrics").handler(PrometheusScrapingHandler.create(h.metrics().registry()));
    }

    private static void errors(Router router, Responses responses) {
        // Vert.x-web's own 400s (no Host, a path it cannot decode): one line of ours, no stack trace.
        router.errorHandler(400, ctx -> responses.clientError(ctx, 400, ctx.request().getHeader(HttpHeaders.HOST) == null
                ? "an HTTP/1.1 request names its host in a Host header" : "the request is malformed"));
        router.errorHandler(404, ctx -> responses.clientError(ctx, 404, "nothing here; see /mail/config-v1.1.xml?emailaddress=..."));
        router.errorHandler(405, ctx -> responses.clientError(ctx, 405, "method not allowed here"));
        router.errorHandler(413, ctx -> responses.clientError(ctx, 413,
                "an Autodiscover request has at most " + RequestReader.MAX_BYTES + " bytes"));
    }

    /**
     * The routers' handler with {@link RequestGate} in front: what a listener serves. Requests
     * the gate refuses never reach the router.
     */
    static Handler<HttpServerRequest> gated(Router router, Handlers h) {
        return new RequestGate(router, h.requestLog());
    }

    /** GET, and HEAD as RFC 9110 (9.3.2) asks: the same answer, whose body Vert.x then leaves out. */
    static Route get(Router router, String path) {
        return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    static Route getRegex(Router router, String regex) {
        return router.routeWithRegex(regex).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }
}
