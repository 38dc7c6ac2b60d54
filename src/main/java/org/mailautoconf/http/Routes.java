package org.mailautoconf.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** Every path the service answers, each once. docs/endpoints.md describes them. */
final class Routes {

    private Routes() {
    }

    static Router router(Vertx vertx, RequestLog requestLog, AutoconfigHandler autoconfig, MobileconfigHandler mobileconfig,
                         SetupPageHandler setupPage, HealthHandler health, Metrics metrics, Responses responses) {
        Router router = Router.router(vertx);
        router.route().handler(requestLog::handle);

        router.get("/").handler(setupPage::page);

        router.get("/mail/config-v1.1.xml").handler(autoconfig::byAddressOrHost);
        router.get("/.well-known/autoconfig/mail/config-v1.1.xml").handler(autoconfig::byAddressOrHost);
        router.get("/v1.1/:domain").handler(autoconfig::byDomain);
        router.get("/autoconfig/v1.1/:domain").handler(autoconfig::byDomain);

        router.get("/mobileconfig").handler(mobileconfig::byQuery);
        router.get("/mobileconfig/:address").handler(mobileconfig::byPath);

        router.get("/healthz").handler(health::healthz);
        router.get("/readyz").handler(health::readyz);
        router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));

        router.errorHandler(404, ctx -> responses.clientError(ctx, 404, "nothing here; see /mail/config-v1.1.xml?emailaddress=..."));
        router.errorHandler(405, ctx -> responses.clientError(ctx, 405, "method not allowed here"));
        return router;
    }
}
