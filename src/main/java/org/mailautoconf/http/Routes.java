package org.mailautoconf.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
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
                    HealthHandler health, Metrics metrics, Responses responses, java.util.Optional<TlsRoutes> tls) {}

    private Routes() {
    }

    static Router router(Vertx vertx, Handlers h) {
        Router router = Router.router(vertx);
        router.route().handler(h.requestLog()::handle);

        router.get("/healthz").handler(h.health()::healthz);
        router.get("/readyz").handler(h.health()::readyz);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(h.metrics().registry()));
        router.route().handler(h.health()::untilLoaded);

        h.tls().ifPresent(t -> t.mount(router));
        router.get("/").handler(h.setupPage()::page);

        router.get("/mail/config-v1.1.xml").handler(h.autoconfig()::byAddressOrHost);
        router.get("/.well-known/autoconfig/mail/config-v1.1.xml").handler(h.autoconfig()::byAddressOrHost);
        router.get("/v1.1/:domain").handler(h.autoconfig()::byDomain);
        router.get("/autoconfig/v1.1/:domain").handler(h.autoconfig()::byDomain);

        // The body limit answers 413 before a larger request is read.
        BodyHandler autodiscoverBody = BodyHandler.create(false).setBodyLimit(RequestReader.MAX_BYTES);
        router.routeWithRegex(HttpMethod.POST, AUTODISCOVER_XML).handler(autodiscoverBody).handler(h.autodiscover()::post);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_XML).handler(h.autodiscover()::get);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_JSON).handler(h.autodiscoverJson()::byQuery);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_JSON_V1).handler(h.autodiscoverJson()::byPath);

        router.get("/mobileconfig").handler(h.mobileconfig()::byQuery);
        router.get("/mobileconfig/:address").handler(h.mobileconfig()::byPath);

        Responses responses = h.responses();
        router.errorHandler(404, ctx -> responses.clientError(ctx, 404, "nothing here; see /mail/config-v1.1.xml?emailaddress=..."));
        router.errorHandler(405, ctx -> responses.clientError(ctx, 405, "method not allowed here"));
        router.errorHandler(413, ctx -> responses.clientError(ctx, 413,
                "an Autodiscover request has at most " + RequestReader.MAX_BYTES + " bytes"));
        return router;
    }
}
