package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.Renderers;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
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
    private final Optional<ProfileSigner> signer;
    private final ExpensiveWork signing;
    private volatile int firstPort;
    /** The listeners' deployment, once {@link #start()} has begun it; guarded by this. */
    private Future<String> listening;
    /** Set by the first {@link #stop()}; guarded by this. */
    private Future<Void> stopped;

    /** With meters of its own; Vert.x's own HTTP and JVM meters need {@link Metrics#newVertx()}. */
    public HttpService(Vertx vertx, ServiceConfig config) {
        this(vertx, config, new Metrics());
    }

    /**
     * @throws IllegalArgumentException when the profile signing files cannot be used (the message names the file)
     */
    public HttpService(Vertx vertx, ServiceConfig config, Metrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.signer = config.profileSigning().map(HttpService::loadSigner);
        this.signing = ExpensiveWork.signing(config.signingLimits(), metrics.registry());
        this.answers = answers(config, signer);
        this.watcher = new RegistryWatcher(vertx, config, answers, Clock.systemUTC(), metrics);
        metrics.bind(answers);
    }

    /** The answers of every client format, from the one renderer table ({@link Renderers}). */
    private static Answers answers(ServiceConfig config, Optional<ProfileSigner> signer) {
        return new Answers(Renderers.table(signer), config.cacheBytes());
    }

    private static ProfileSigner loadSigner(ProfileSigning s) {
        ProfileSigner signer = ProfileSigner.load(s.certificate(), s.privateKey(), s.chain());
        X509Certificate cert = signer.certificate();
        LOG.info("signing Apple profiles as {} (valid until {}, {} certificates sent)", cert.getSubjectX500Principal().getName(),
                cert.getNotAfter().toInstant(), signer.certificateCount());
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.warn("the profile signing certificate expired on {}: devices will show profiles as not verified",
                    cert.getNotAfter().toInstant());
        }
        return signer;
    }

    /**
     * Starts listening and loads the registry, both at once; the future holds the port actually
     * bound once the registry is loaded. Until then {@code /healthz} answers and every answer
     * endpoint says 503 (a hoster's registry takes seconds). When the first load fails, the
     * listeners stop again and the future fails with every error.
     */
    public Future<Integer> start() {
        Handler<HttpServerRequest> router = router();
        // One listener per core, each on its own event loop; Vert.x shares the socket between
        // them and spreads connections over them. Port 0 is not shared (each listener would get
        // its own random port), so a free-port service, as in tests, has one listener.
        // Listening first also loads the classes of the HTTP stack while the heap is empty: the
        // class metadata they add starts the JVM's first full collection, which takes
        // milliseconds now and over a second once a million domains are on the heap.
        int instances = config.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        Future<String> deployed = vertx.deployVerticle(() -> new Listener(router, config.listenHost(), config.port()),
                new DeploymentOptions().setInstances(instances));
        synchronized (this) {
            listening = deployed;
        }
        Future<Registry> loaded = watcher.loadInitial();
        return Future.join(deployed, loaded).transform(both -> {
            if (both.succeeded() && startWatching()) {
                LOG.info("listening on http://{}:{}/ with providers from {}", config.listenHost(), firstPort, config.providersDir());
                return Future.succeededFuture(firstPort);
            }
            Throwable cause = loaded.failed() ? loaded.cause() : deployed.failed() ? deployed.cause()
                    : new IllegalStateException("stopped before the registry was loaded");
            return stop().transform(v -> Future.<Integer>failedFuture(cause));
        });
    }

    /** Starts watching the directory, unless a stop came first. */
    private synchronized boolean startWatching() {
        if (stopped != null) {
            return false;
        }
        watcher.start();
        return true;
    }

    /** Every endpoint of this service, over its live registry, behind the check of each request's head. */
    Handler<HttpServerRequest> router() {
        Responses responses = new Responses(config.maxAge());
        Routes.Handlers handlers = new Routes.Handlers(
                new RequestLog(metrics, config.accessLog(), config.logging().accessLogClient()),
                new AutoconfigHandler(answers, responses),
                new AutodiscoverHandler(answers, responses, Clock.systemUTC(), config),
                new AutodiscoverJsonHandler(answers, responses, config),
                new MobileconfigHandler(signing, answers, responses, signer.isPresent()),
                new SetupPageHandler(answers, responses, config),
                new HealthHandler(answers, watcher, responses),
                metrics,
                responses,
                new WellKnownHandler(answers, responses));
        return Routes.gated(Routes.router(vertx, handlers), handlers);
    }

    /**
     * Loads the provider directory now, whether or not a change was seen (SIGHUP), on a worker
     * thread; the result is logged and shown by {@code /readyz} as for any reload.
     */
    public void reload() {
        vertx.executeBlocking(() -> {
            watcher.reloadNow();
            return null;
        }).onFailure(e -> LOG.error("reloading {} failed", config.providersDir(), e));
    }

    /**
     * How long a stop waits for requests already being received. An answer takes microseconds;
     * this covers a client that sends its request slowly, and stays well inside Kubernetes'
     * 30 s grace period.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * Stops listening at once; requests already begun are still answered and their connections
     * then closed, for up to {@link #STOP_GRACE}; idle connections are closed at once. A
     * connection that has sent nothing yet, or half a request head, holds the stop for the whole
     * grace. A stop while the service starts waits for its listeners and undeploys them; a second
     * call returns the first one's future.
     */
    public synchronized Future<Void> stop() {
        watcher.stop();
        if (stopped == null) {
            // Only this service's listeners: several services may share one Vert.x (tests do).
            stopped = listening == null ? Future.succeededFuture()
                    : listening.transform(deployed -> deployed.succeeded() ? vertx.undeploy(deployed.result()) : Future.succeededFuture());
            stopped.onComplete(v -> signing.close());
        }
        return stopped;
    }

    /** One HTTP server on one event loop. */
    private final class Listener extends VerticleBase {
        private final Handler<HttpServerRequest> router;
        private final String host;
        private final int port;
        private HttpServer server;

        Listener(Handler<HttpServerRequest> router, String host, int port) {
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
                        server = s;
                        if (firstPort == 0) {
                            firstPort = s.actualPort();
                        }
                    });
        }

        @Override
        public Future<?> stop() {
            return server == null ? Future.succeededFuture() : server.shutdown(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

}
