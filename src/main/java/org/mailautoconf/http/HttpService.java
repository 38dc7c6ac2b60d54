package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.ConnectionLimits;
import org.mailautoconf.HostPort;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.directory.Directories;
import org.mailautoconf.directory.DirectorySettings;
import org.mailautoconf.answer.Renderers;
import org.mailautoconf.mx.MxLookups;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.tls.TlsCertificates;
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
    private final DirectoryAnswers directoryAnswers;
    private final DirectoryStep directoryStep;
    /** Reads the directories file again when it changes, as the watcher does providers.d. */
    private final DirectoriesWatcher directoriesWatcher;
    /** Waits, without blocking, for hoster mode's MX lookup of a domain no file lists. */
    private final MxWait mxWait;
    /** Made by the first {@link #handlers()}; guarded by this. */
    private Routes.Handlers handlers;
    private final RegistryWatcher watcher;
    private final Metrics metrics;
    private final Optional<ProfileSigner> signer;
    private final ExpensiveWork signing;
    /** Hoster mode's MX lookups; asked only when a provider has {@code mx:}. */
    private final MxLookups mxLookups;
    private volatile int firstPort;
    private volatile int managementPort;
    private final OpenConnections publicConnections;
    private final OpenConnections managementConnections;
    private final Optional<TlsCertificates> tls;
    private volatile int tlsPort;
    private final WarmUp warmUp;
    /** The listeners' deployment, once {@link #start()} has begun it; guarded by this. */
    private Future<List<String>> listening;
    /** Set by the first {@link #stop()}; guarded by this. */
    private Future<Void> stopped;

    /** With meters of its own; Vert.x's own HTTP and JVM meters need {@link Metrics#newVertx()}. */
    public HttpService(Vertx vertx, ServiceConfig config) {
        this(vertx, config, new Metrics());
    }

    /**
     * @throws IllegalArgumentException when the profile signing files cannot be used (the message names the file), or
     *                                  the management listener would share the public port
     */
    public HttpService(Vertx vertx, ServiceConfig config, Metrics metrics) {
        config.management().filter(m -> m.port() != 0 && m.port() == config.port()).ifPresent(m -> {
            // Vert.x would share the socket between the two servers and mix their paths.
            throw new IllegalArgumentException("--management-listen " + m + " needs a port of its own, not the public port " + config.port());
        });
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.signer = config.profileSigning().map(HttpService::loadSigner);
        this.signing = ExpensiveWork.signing(config.signingLimits(), metrics.registry());
        this.mxLookups = new MxLookups(config.hoster());
        this.answers = answers(config, signer, mxLookups);
        MxWait.meter(mxLookups, metrics.registry());
        this.mxWait = new MxWait(answers, mxLookups, config.hoster());
        this.watcher = new RegistryWatcher(vertx, config, answers, Clock.systemUTC(), metrics);
        this.warmUp = new WarmUp(config.warmUp());
        this.tls = config.tls().map(t -> new TlsCertificates(t, config.reloadInterval(), config.publicBaseUrl().map(URI::getHost),
                answers::registry, metrics::certificates));
        metrics.bind(answers);
        // A directories file that cannot be used stops the start, naming file and field.
        DirectorySettings directories = DirectoriesWatcher.initial(config.directories());
        this.directoryAnswers = new DirectoryAnswers(answers, Directories.open(directories));
        this.directoriesWatcher = new DirectoriesWatcher(vertx, config.directories(), directoryAnswers);
        int perMinute = config.directories().isPresent() ? directories.lookupsPerMinute() : 0;
        this.directoryStep = new DirectoryStep(directoryAnswers, new ClientBudget(perMinute, Math.max(1, perMinute / 4)),
                metrics.registry(), mxWait);
        ConnectionLimits limits = OpenConnections.withinFileLimit(config.connections());
        this.publicConnections = new OpenConnections(limits, metrics.registry(), "public");
        this.managementConnections = new OpenConnections(limits.withMaxConnections(Math.min(MANAGEMENT_CONNECTIONS, limits.maxConnections())),
                metrics.registry(), "management");
    }

    /** Probes and scrapers hold a few connections each; the management listener needs no more. */
    static final int MANAGEMENT_CONNECTIONS = 100;

    /** The answers of every client format, from the one renderer table ({@link Renderers}). */
    private static Answers answers(ServiceConfig config, Optional<ProfileSigner> signer, MxLookups mx) {
        return new Answers(Renderers.table(signer), config.cacheBytes(), mx);
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
        // Listening first also loads the classes of the HTTP stack while the heap is empty: the
        // class metadata they add starts the JVM's first full collection, which takes
        // milliseconds now and over a second once a million domains are on the heap.
        List<Future<String>> listeners = new ArrayList<>();
        listeners.add(listenPublic());
        if (config.management().isPresent()) {
            listeners.add(listenManagement());
        }
        tls.ifPresent(t -> listeners.add(listenTls(t)));
        // Joined: each listener that did deploy is undeployed by a stop, even when another failed.
        Future<List<String>> deployed = Future.join(listeners).transform(all -> {
            List<String> ids = listeners.stream().filter(Future::succeeded).map(Future::result).toList();
            return all.succeeded() ? Future.succeededFuture(ids) : Future.failedFuture(new DeployFailure(ids, all.cause()));
        });
        synchronized (this) {
            listening = deployed;
        }
        Future<Registry> loaded = watcher.loadInitial();
        return Future.join(deployed, loaded).transform(both -> {
            if (both.succeeded() && startWatching()) {
                LOG.info("listening on http://{}:{}/ with providers from {}{}", config.listenHost(), firstPort, config.providersDir(),
                        config.management().map(m -> "; /metrics, /readyz and /healthz on http://" + new HostPort(m.host(), managementPort) + "/")
                                .orElse(""));
                tls.ifPresent(t -> LOG.info("listening on https://{}/", new HostPort(t.settings().listen().host(), tlsPort)));
                warmUp();
                return Future.succeededFuture(firstPort);
            }
            Throwable cause = loaded.failed() ? loaded.cause() : deployed.failed() ? deployed.cause()
                    : new IllegalStateException("stopped before the registry was loaded");
            return stop().transform(v -> Future.<Integer>failedFuture(cause));
        });
    }

    /**
     * One listener per core, each on its own event loop; Vert.x shares the socket between them
     * and spreads connections over them. Port 0 is not shared (each listener would get its own
     * random port), so a free-port service, as in tests, has one listener.
     */
    private Future<String> listenPublic() {
        Handler<HttpServerRequest> router = router(config.management().isEmpty());
        int instances = config.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        HostPort address = new HostPort(config.listenHost(), config.port());
        return vertx.deployVerticle(() -> new Listener(router, Listener.options(address), publicConnections, port -> {
            if (firstPort == 0) {
                firstPort = port;
            }
        }), new DeploymentOptions().setInstances(instances));
    }

    /** {@code /metrics}, {@code /readyz} and {@code /healthz} on an address of their own: one event loop is plenty. */
    private Future<String> listenManagement() {
        Routes.Handlers handlers = handlers();
        Handler<HttpServerRequest> router = Routes.gated(Routes.management(vertx, handlers), handlers);
        return vertx.deployVerticle(() -> new Listener(router, Listener.options(config.management().orElseThrow()), managementConnections,
                port -> managementPort = port), new DeploymentOptions());
    }

    /**
     * The https listeners, one per core like the plain ones, serving the same routes; the
     * certificate of each handshake comes from the SNI key manager, so a certificate replaced
     * on disk or renewed by ACME is used from the next handshake on. Their connections count
     * towards the same cap as the plain listener's: both use the process's descriptors.
     */
    private Future<String> listenTls(TlsCertificates certificates) {
        Handler<HttpServerRequest> router = router(config.management().isEmpty());
        HostPort address = certificates.settings().listen();
        int instances = address.port() == 0 ? 1 : Math.max(1, Runtime.getRuntime().availableProcessors());
        return vertx.deployVerticle(() -> new Listener(router, Listener.httpsOptions(certificates), publicConnections, port -> {
            if (tlsPort == 0) {
                tlsPort = port;
            }
        }), new DeploymentOptions().setInstances(instances));
    }

    /** The port the https listener is bound to, when TLS is on and it is listening. */
    public Optional<Integer> tlsPort() {
        return tls.isEmpty() || tlsPort == 0 ? Optional.empty() : Optional.of(tlsPort);
    }

    /** The port the management listener bound (useful when it was asked for port 0); 0 when there is none. */
    public int managementPort() {
        return managementPort;
    }

    /** Starts watching the directory, unless a stop came first. */
    private synchronized boolean startWatching() {
        if (stopped != null) {
            return false;
        }
        watcher.start();
        directoriesWatcher.start(config.reloadInterval());
        tls.ifPresent(TlsCertificates::start);
        return true;
    }

    /**
     * Asks this service's own handlers the warm-up's requests ({@link WarmUp}), in the background;
     * {@code /readyz} says 503 until they are done. Counted in meters of their own, never logged.
     */
    private void warmUp() {
        Routes.Handlers own = handlers();
        Routes.Handlers quiet = own.withRequestLog(new RequestLog(new Metrics(), false, config.logging().accessLogClient()));
        List<WarmUp.Ask> asks = answers.registry().map(r -> WarmUp.asks(r, config.directories().isEmpty(), signer.isEmpty()))
                .orElse(List.of());
        warmUp.run(vertx, Routes.gated(Routes.router(vertx, quiet, false), quiet), asks);
    }

    /**
     * Every endpoint of this service, over its live registry, behind the check of each request's
     * head; the management ones only when asked.
     */
    Handler<HttpServerRequest> router(boolean withManagement) {
        Routes.Handlers handlers = handlers();
        return Routes.gated(Routes.router(vertx, handlers, withManagement), handlers);
    }

    /**
     * The handlers, made once and shared by every listener (plain, https, management): the
     * answer buffers and the Autodiscover bodies they keep are then one cache, not one per
     * listener.
     */
    private synchronized Routes.Handlers handlers() {
        if (handlers == null) {
            handlers = newHandlers();
        }
        return handlers;
    }

    private Routes.Handlers newHandlers() {
        Responses responses = new Responses(config.maxAge());
        return new Routes.Handlers(
                new RequestLog(metrics, config.accessLog(), config.logging().accessLogClient()),
                new AutoconfigHandler(directoryStep, responses),
                new AutodiscoverHandler(directoryStep, responses, Clock.systemUTC(), config),
                new AutodiscoverJsonHandler(answers, responses, config, mxWait),
                new MobileconfigHandler(signing, answers, directoryStep, responses, signer.isPresent(), mxWait),
                new SetupPageHandler(answers, responses, config, mxWait),
                new HealthHandler(answers, watcher, responses, warmUp, directoryAnswers),
                metrics,
                responses,
                tls.map(t -> new TlsRoutes(t.challenges(), () -> tlsPort != 0 ? tlsPort : t.settings().listen().port(), responses)),
                new WellKnownHandler(answers, responses, mxWait),
                new BrandingHandler(answers, responses));
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
        directoriesWatcher.reloadNow();
    }

    /**
     * Stops: every answer from now on says {@code Connection: close}, and a connection waiting
     * for a request is kept for {@link ConnectionGuard#DRAIN} so that a request already on its
     * way is answered, not reset; new connections are closed unread meanwhile. Then the listeners
     * close; requests still being received are answered, for up to {@link Listener#STOP_GRACE}. A
     * stop while the service starts waits for its listeners and undeploys them; a second call
     * returns the first one's future.
     */
    public synchronized Future<Void> stop() {
        watcher.stop();
        directoriesWatcher.stop();
        if (stopped == null) {
            // Only this service's listeners: several services may share one Vert.x (tests do).
            Future<Void> closed = listening == null ? Future.succeededFuture()
                    : listening.transform(deployed -> undeploy(deployed.succeeded() ? deployed.result()
                            : deployed.cause() instanceof DeployFailure f ? f.deployed : List.of()));
            // Closing the certificates waits for an ACME order to give up: not on an event loop.
            stopped = closed.transform(v -> tls.isEmpty() ? Future.succeededFuture() : vertx.<Void>executeBlocking(() -> {
                tls.get().close();
                return null;
            }));
            stopped.onComplete(v -> {
                signing.close();
                directoryAnswers.close();
            });
        }
        return stopped;
    }

    private Future<Void> undeploy(List<String> ids) {
        return Future.join(ids.stream().map(vertx::undeploy).toList()).mapEmpty();
    }

    /** A listener failed to start (its port is taken): the cause, and the listeners that did start. */
    private static final class DeployFailure extends RuntimeException {
        private final transient List<String> deployed;

        DeployFailure(List<String> deployed, Throwable cause) {
            super(cause.getMessage(), cause);
            this.deployed = deployed;
        }
    }
}
