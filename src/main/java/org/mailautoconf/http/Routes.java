package org.mailautoconf.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.mailautoconf.format.autodiscover.RequestReader;

/** Every path the service answers, each once. docs/endpoints.md describes them. */
final class Routes {

    private Routes() {
    }

    /** Autodiscover paths in any letter case: Outlook, Windows Mail and others each capitalise their own way. */
    private static final String AUTODISCOVER_XML = "(?i)/autodiscover/autodiscover\\.xml";
    private static final String AUTODISCOVER_JSON = "(?i)/autodiscover/autodiscover\\.json";
    private static final String AUTODISCOVER_JSON_V1 = "(?i)/autodiscover/autodiscover\\.json/v1\\.0/(?<address>[^/]+)";

    static Router router(Vertx vertx, AutoconfigHandler autoconfig, AutodiscoverHandler autodiscover,
            AutodiscoverJsonHandler autodiscoverJson, HealthHandler health, Responses responses) {
        Router router = Router.router(vertx);

        router.get("/mail/config-v1.1.xml").handler(autoconfig::byAddressOrHost);
        router.get("/.well-known/autoconfig/mail/config-v1.1.xml").handler(autoconfig::byAddressOrHost);
        router.get("/v1.1/:domain").handler(autoconfig::byDomain);
        router.get("/autoconfig/v1.1/:domain").handler(autoconfig::byDomain);

        // The body limit answers 413 before a larger request is read.
        BodyHandler autodiscoverBody = BodyHandler.create(false).setBodyLimit(RequestReader.MAX_BYTES);
        router.routeWithRegex(HttpMethod.POST, AUTODISCOVER_XML).handler(autodiscoverBody).handler(autodiscover::post);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_XML).handler(autodiscover::get);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_JSON).handler(autodiscoverJson::byQuery);
        router.routeWithRegex(HttpMethod.GET, AUTODISCOVER_JSON_V1).handler(autodiscoverJson::byPath);

        router.get("/healthz").handler(health::healthz);
        router.get("/readyz").handler(health::readyz);

        router.errorHandler(404, ctx -> responses.clientError(ctx, 404, "nothing here; see /mail/config-v1.1.xml?emailaddress=..."));
        router.errorHandler(405, ctx -> responses.clientError(ctx, 405, "method not allowed here"));
        router.errorHandler(413, ctx -> responses.clientError(ctx, 413,
                "an Autodiscover request has at most " + RequestReader.MAX_BYTES + " bytes"));
        return router;
    }
}
