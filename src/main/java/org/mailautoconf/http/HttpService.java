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
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.autodiscover.MobileSyncRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
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
    private HttpServer server;

    public HttpService(Vertx vertx, ServiceConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.answers = answers();
        this.watcher = new RegistryWatcher(vertx, config, answers, Clock.systemUTC());
    }

    /** The renderer of every client format, in one place. */
    private static Answers answers() {
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        return new Answers(Map.of(
                ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE),
                ClientFormat.AUTODISCOVER_OUTLOOK, AutodiscoverAnswers.of(new OutlookRenderer()),
                ClientFormat.AUTODISCOVER_MOBILESYNC, AutodiscoverAnswers.of(new MobileSyncRenderer())));
    }

    /** Loads the registry and starts listening; the future holds the port actually bound. */
    public Future<Integer> start() {
        return watcher.loadInitial().compose(registry -> {
            Responses responses = new Responses(config.maxAge());
            var router = Routes.router(vertx,
                    new AutoconfigHandler(answers, responses),
                    new AutodiscoverHandler(answers, responses, Clock.systemUTC(), config),
                    new AutodiscoverJsonHandler(answers, responses, config),
                    new HealthHandler(answers, watcher),
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

    public Future<Void> stop() {
        watcher.stop();
        return server == null ? Future.succeededFuture() : server.close();
    }

    Optional<ReloadStatus> reloadStatus() {
        return watcher.status();
    }
}
