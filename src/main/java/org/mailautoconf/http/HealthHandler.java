package org.mailautoconf.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.registry.Registry;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: a registry is loaded, and which. Every
 * other endpoint waits for the first registry.
 */
final class HealthHandler {

    private final Answers answers;
    private final RegistryWatcher watcher;
    private final Responses responses;

    HealthHandler(Answers answers, RegistryWatcher watcher, Responses responses) {
        this.answers = answers;
        this.watcher = watcher;
        this.responses = responses;
    }

    /**
     * Lets a request through once a registry is loaded. Before that, while the service starts,
     * a client is told to come back: "no provider for this domain" would be a wrong answer. Not
     * logged one line each (a hoster restarted under traffic would write thousands a second):
     * {@code mailautoconf_requests_total{outcome="not_ready"}} and the access log count them.
     */
    void untilLoaded(RoutingContext ctx) {
        if (answers.registry().isPresent()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        responses.text(ctx, 503, "the provider registry is still loading; try again in a few seconds");
    }

    void healthz(RoutingContext ctx) {
        responses.text(ctx, 200, "ok");
    }

    void readyz(RoutingContext ctx) {
        JsonObject body = new JsonObject();
        Registry registry = answers.registry().orElse(null);
        body.put("ready", registry != null);
        if (registry != null) {
            body.put("registry", new JsonObject()
                    .put("version", registry.version())
                    .put("providers", registry.providers().size())
                    .put("domains", registry.domainCount())
                    .put("defaultProvider", registry.defaultProvider().map(p -> p.id()).orElse(null)));
        }
        watcher.status().ifPresent(s -> {
            JsonArray errors = new JsonArray();
            s.errors().forEach(p -> errors.add(p.toString()));
            body.put("lastReload", new JsonObject()
                    .put("at", s.at().toString())
                    .put("result", s.ok() ? "ok" : "failed")
                    .put("errors", errors));
        });
        ctx.response().setStatusCode(registry != null ? 200 : 503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encodePrettily() + "\n");
    }
}
