package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
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
    private volatile int firstPort;

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
            // One listener per core, each on its own event loop; Vert.x shares the socket between
            // them and spreads connections over them. Port 0 is not shared (each listener would get
            // its own random port), so a free-port service, as in tests, has one listener.
            int instances = config.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
            return vertx.deployVerticle(() -> new Listener(router, config.listenHost(), config.port()),
                    new DeploymentOptions().setInstances(instances)).map(id -> firstPort);
        }).map(port -> {
            watcher.start();
            LOG.info("listening on http://{}:{}/ with providers from {}", config.listenHost(), port, config.providersDir());
            return port;
        });
    }

    /** Stops listening and closes open connections: answers are small, nothing long is in flight. */
    public Future<Void> stop() {
        watcher.stop();
        return Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList()).mapEmpty();
    }

    /** One HTTP server on one event loop. */
    private final class Listener extends VerticleBase {
        private final Router router;
        private final String host;
        private final int port;

        Listener(Router router, String host, int port) {
            this.router = router;
            this.host = host;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router)
                    .listen()
                    .onSuccess(s -> {
                        if (firstPort == 0) {
                            firstPort = s.actualPort();
                        }
                    });
        }
    }

    Optional<ReloadStatus> reloadStatus() {
        return watcher.status();
    }
}
