package org.mailautoconf.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.format.autodiscover.RequestReader;

/** Every path the service answers, each once. docs/endpoints.md describes them. */
final class Routes {

    /** The handlers of one running service. */
    record Handlers(RequestLog requestLog, AutoconfigHandler autoconfig, AutodiscoverHandler autodiscover,
                    AutodiscoverJsonHandler autodiscoverJson, MobileconfigHandler mobileconfig, SetupPageHandler setupPage,
                    HealthHandler health, Metrics metrics, Responses responses, java.util.Optional<TlsRoutes> tls,
                    WellKnownHandler wellKnown, BrandingHandler branding) {

        /** The same handlers, counted and logged elsewhere (the warm-up's requests are not the service's traffic). */
        Handlers withRequestLog(RequestLog log) {
            return new Handlers(log, autoconfig, autodiscover, autodiscoverJson, mobileconfig, setupPage, health, metrics, responses, tls,
                    wellKnown, branding);
        }
    }

    private final List<Dispatch.Route> routes = new ArrayList<>();

    private Routes() {
    }

    /** The public endpoints; the management ones too unless they have a listener of their own. */
    static Dispatch router(Vertx vertx, Handlers h, boolean withManagement) {
        Routes r = new Routes();
        if (withManagement) {
            r.management(h);
        }
        h.tls().ifPresent(t -> t.mount(r));
        r.get("/", h.setupPage()::page);
        r.get(BrandingHandler.PATH, h.branding()::logo);

        r.get("/mail/config-v1.1.xml", h.autoconfig()::byAddressOrHost);
        r.get("/.well-known/autoconfig/mail/config-v1.1.xml", h.autoconfig()::byAddressOrHost);
        r.get(RoutePath.withParameter("/v1.1/", "domain", false), h.autoconfig()::byDomain);
        r.get(RoutePath.withParameter("/autoconfig/v1.1/", "domain", false), h.autoconfig()::byDomain);

        r.get("/mobileconfig", h.mobileconfig()::byQuery);
        r.get(RoutePath.withParameter("/mobileconfig/", "address", false), h.mobileconfig()::byPath);

        // Autodiscover paths in any letter case: Outlook, Windows Mail and others each capitalise
        // their own way. The body limit answers 413 before a larger request is read.
        r.add(new Dispatch.Route(RoutePath.anyCase("/autodiscover/autodiscover.xml"), false, h.autodiscover()::get,
                new BoundedBody(RequestReader.MAX_BYTES, h.autodiscover()::post, h.responses(), Dispatch.TOO_LARGE), null));
        r.get(RoutePath.anyCase("/autodiscover/autodiscover.json"), h.autodiscoverJson()::byQuery);
        r.get(RoutePath.withParameter("/autodiscover/autodiscover.json/v1.0/", "address", true), h.autodiscoverJson()::byPath);

        r.get("/.well-known/user-agent-configuration.json", h.wellKnown()::pacc);
        // RFC 6764: any method (clients PROPFIND first) is redirected to the context path.
        r.add(new Dispatch.Route(RoutePath.plain("/.well-known/caldav"), false, null, null, h.wellKnown()::caldav));
        r.add(new Dispatch.Route(RoutePath.plain("/.well-known/carddav"), false, null, null, h.wellKnown()::carddav));
        return Dispatch.of(vertx, h.requestLog(), h.responses(), h.health(), r.routes);
    }

    /** {@code --management-listen}: health, readiness and metrics only, for probes and scrapers. */
    static Dispatch management(Vertx vertx, Handlers h) {
        Routes r = new Routes();
        r.management(h);
        return Dispatch.of(vertx, h.requestLog(), h.responses(), null, r.routes);
    }

    /** Answered while the first registry loads too. */
    private void management(Handlers h) {
        routes.add(new Dispatch.Route(RoutePath.plain("/healthz"), true, h.health()::healthz, null, null));
        routes.add(new Dispatch.Route(RoutePath.plain("/readyz"), true, h.health()::readyz, null, null));
        routes.add(new Dispatch.Route(RoutePath.plain("/metrics"), true, h.metrics()::scrape, null, null));
    }

    /**
     * The dispatch with {@link RequestGate} in front: what a listener serves. Requests the gate
     * refuses never reach the dispatch.
     */
    static Handler<HttpServerRequest> gated(Handler<HttpServerRequest> dispatch, Handlers h) {
        return new RequestGate(dispatch, h.requestLog());
    }

    /** GET, and HEAD as RFC 9110 (9.3.2) asks: the same answer, whose body Vert.x then leaves out. */
    void get(String path, Handler<Exchange> handler) {
        get(RoutePath.plain(path), handler);
    }

    /**
     * A second GET handler for a path that has one runs when the first calls
     * {@link Exchange#next()} (the https redirect of {@link TlsRoutes}, then the setup page).
     */
    void get(RoutePath path, Handler<Exchange> handler) {
        for (int i = 0; i < routes.size(); i++) {
            Dispatch.Route r = routes.get(i);
            if (r.path().equals(path) && r.get() != null) {
                Handler<Exchange> first = r.get();
                routes.set(i, new Dispatch.Route(path, r.beforeLoading(), ex -> {
                    ex.onNext(() -> handler.handle(ex));
                    first.handle(ex);
                }, r.post(), r.any()));
                return;
            }
        }
        add(new Dispatch.Route(path, false, handler, null, null));
    }

    private void add(Dispatch.Route route) {
        routes.add(route);
    }
}
