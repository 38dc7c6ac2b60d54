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
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.mx.MxLookups;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
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
    private final Metrics metrics;
    private final Optional<ProfileSigner> signer;
    private final ExpensiveWork signing;
    /** Hoster mode's MX lookups; asked only when a provider has {@code mx:}. */
    private final MxLookups mxLookups;
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
        this.mxLookups = new MxLookups(config.hoster());
        this.answers = answers(config, signer, mxLookups);
        MxWait.meter(mxLookups, metrics.registry());
        this.watcher = new RegistryWatcher(vertx, config, answers, Clock.systemUTC(), metrics);
        metrics.bind(answers);
    }

    /**
     * The renderer of every client format, in one place. Signed profiles are a format of their
     * own, so each is signed once per address and then served from the cache like any answer.
     */
    private static Answers answers(ServiceConfig config, Optional<ProfileSigner> signer, MxLookups mx) {
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        MobileconfigRenderer mobileconfig = new MobileconfigRenderer();
        FormatRenderer profile = (p, d, a) -> Answer.ok(mobileconfig.render(p, d, a), MobileconfigRenderer.CONTENT_TYPE)
                .withHeader("Content-Disposition", "attachment; filename=\"" + MobileconfigRenderer.fileName(p, a) + "\"");
        Map<ClientFormat, FormatRenderer> renderers = new EnumMap<>(ClientFormat.class);
        renderers.put(ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE));
        renderers.put(ClientFormat.MOBILECONFIG, profile);
        renderers.put(ClientFormat.AUTODISCOVER_OUTLOOK, AutodiscoverAnswers.of(new OutlookRenderer()));
        renderers.put(ClientFormat.AUTODISCOVER_MOBILESYNC, AutodiscoverAnswers.of(new MobileSyncRenderer()));
        signer.ifPresent(s -> renderers.put(ClientFormat.MOBILECONFIG_SIGNED, (p, d, a) -> {
            Answer unsigned = profile.render(p, d, a);
            byte[] signed = s.sign(unsigned.body());
            return new Answer(unsigned.status(), signed, unsigned.contentType(), Answer.etagOf(signed), unsigned.headers());
        }));
        return new Answers(renderers, config.cacheBytes(), mx);
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
        MxWait mx = new MxWait(answers, mxLookups, config.hoster());
        Routes.Handlers handlers = new Routes.Handlers(
                new RequestLog(metrics, config.accessLog(), config.logging().accessLogClient()),
                new AutoconfigHandler(answers, responses, mx),
                new AutodiscoverHandler(answers, responses, Clock.systemUTC(), config, mx),
                new AutodiscoverJsonHandler(answers, responses, config),
                new MobileconfigHandler(signing, answers, responses, signer.isPresent(), mx),
                new SetupPageHandler(answers, responses, config),
                new HealthHandler(answers, watcher, responses),
                metrics,
                responses);
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
