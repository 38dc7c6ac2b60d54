package org.mailautoconf.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.registry.Registry;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: a registry is loaded, and which, and
 * whether the files on disk hold changes it lacks; each directory has connected once (or given
 * up), and which are up or down. Every other endpoint waits for the first
 * registry.
 */
final class HealthHandler {

    private final Answers answers;
    private final RegistryWatcher watcher;
    private final Responses responses;
    private final WarmUp warmUp;
    private final DirectoryAnswers directories;

    HealthHandler(Answers answers, RegistryWatcher watcher, Responses responses, WarmUp warmUp, DirectoryAnswers directories) {
        this.answers = answers;
        this.directories = directories;
        this.watcher = watcher;
        this.responses = responses;
        this.warmUp = warmUp;
    }

    /**
     * Lets a request through once a registry is loaded. Before that, while the service starts,
     * a client is told to come back: "no provider for this domain" would be a wrong answer. Not
     * logged one line each (a hoster restarted under traffic would write thousands a second):
     * {@code mailautoconf_requests_total{outcome="not_ready"}} and the access log count them.
     *
     * @return true when the request may go on; false when it was answered
     */
    boolean untilLoaded(Exchange ctx) {
        if (answers.registry().isPresent()) {
            return true;
        }
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "5");
        responses.text(ctx, 503, "the provider registry is still loading; try again in a few seconds");
        return false;
    }

    void healthz(Exchange ctx) {
        responses.text(ctx, 200, "ok");
    }

    void readyz(Exchange ctx) {
        JsonObject body = new JsonObject();
        Registry registry = answers.registry().orElse(null);
        ReloadStatus.Serving serving = watcher.serving();
        // Answers are served during the warm-up; only a load balancer is asked to wait for it.
        // And each directory the service started with has connected once or given up (bounded by
        // Directories.CONNECT_LIMIT): a request sent before would get the template answer.
        boolean connected = directories.started().isDone();
        boolean ready = registry != null && warmUp.done() && connected;
        body.put("ready", ready);
        // Stale or degraded stays 200: every replica reads the same files, so a 503 for a broken
        // edit would take all of them out of service at once, while each still answers correctly
        // for everything the edit did not touch. The body says it, for alerts.
        body.put("status", registry == null ? "loading" : !warmUp.done() ? "warming up"
                : !connected ? "connecting directories" : serving.word());
        body.put("stale", serving.stale());
        serving.staleSince().ifPresent(t -> body.put("staleSince", t.toString()));
        serving.startedFrom().ifPresent(s -> body.put("startedFrom", new JsonObject()
                .put("file", s.file().toString())
                .put("version", s.version())
                .put("savedAt", s.savedAt().toString())));
        if (warmUp.status() != null) {
            body.put("warmUp", warmUp.status());
        }
        Directories now = directories.directories();
        if (!now.isEmpty()) {
            // A directory down stays ready (its users get the template answer), named here for alerts.
            JsonObject states = new JsonObject();
            now.states().forEach((name, state) -> states.put(name, state.name().toLowerCase(java.util.Locale.ROOT)));
            body.put("directories", states);
        }
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
        ctx.response().setStatusCode(ready ? 200 : 503)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encodePrettily() + "\n");
    }
}
