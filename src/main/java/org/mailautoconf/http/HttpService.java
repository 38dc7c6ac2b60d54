package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: loads the registry, then listens. Start fails, with every error of the
 * provider files in its message, when the registry does not load.
 */
public final class HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);

    private final Vertx vertx;
    private final ServiceConfig config;
    private final Answers answers;
    private final RegistryWatcher watcher;
    private final Metrics metrics;
    private HttpServer server;

    /** With meters of its own; Vert.x's own HTTP and JVM meters need {@link Metrics#newVertx()}. */
    public HttpService(Vertx vertx, ServiceConfig config) {
        this(vertx, config, new Metrics());
    }

    public HttpService(Vertx vertx, ServiceConfig config, Metrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.answers = answers(config);
        this.watcher = new RegistryWatcher(vertx, config, answers, Clock.systemUTC(), metrics);
        metrics.bind(answers);
    }

    /** The renderer of every client format, in one place. */
    private static Answers answers(ServiceConfig config) {
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        return new Answers(Map.of(
                ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE)),
                config.cacheBytes());
    }

    /** Loads the registry and starts listening; the future holds the port actually bound. */
    public Future<Integer> start() {
        return watcher.loadInitial().compose(registry -> {
            Responses responses = new Responses(config.maxAge());
            var router = Routes.router(vertx,
                    new RequestLog(metrics, config.accessLog()),
                    new AutoconfigHandler(answers, responses),
                    new HealthHandler(answers, watcher),
                    metrics,
                    responses);
            return vertx.createHttpServer(new HttpServerOptions().setHost(config.listenHost()).setPort(config.port()))
                    .requestHandler(router)
                    .listen();
        }).map(s -> {
            server = s;
            watcher.start();
            LOG.info("listening on http://{}:{}/ with providers from {}", config.listenHost(), s.actualPort(), config.providersDir());
            return s.actualPort();
        });
    }

    /** Stops listening and closes open connections: answers are small, nothing long is in flight. */
    public Future<Void> stop() {
        watcher.stop();
        return server == null ? Future.succeededFuture() : server.close();
    }

    Optional<ReloadStatus> reloadStatus() {
        return watcher.status();
    }
}
