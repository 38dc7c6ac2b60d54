package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
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
        MobileconfigRenderer mobileconfig = new MobileconfigRenderer();
        return new Answers(Map.of(
                ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE),
                ClientFormat.MOBILECONFIG, (p, d, a) -> Answer.ok(mobileconfig.render(p, d, a), MobileconfigRenderer.CONTENT_TYPE)
                        .withHeader("Content-Disposition",
                                "attachment; filename=\"" + MobileconfigRenderer.fileName(p, a) + "\"")));
    }

    /** The profile signer, read and checked once before the server listens; empty when profiles go out unsigned. */
    private Future<Optional<ProfileSigner>> signer() {
        if (config.profileSigning().isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        ProfileSigning s = config.profileSigning().get();
        return vertx.executeBlocking(() -> {
            ProfileSigner signer = ProfileSigner.load(s.certificate(), s.privateKey(), s.chain());
            X509Certificate cert = signer.certificate();
            LOG.info("signing Apple profiles as {} (valid until {}, {} certificates sent)", cert.getSubjectX500Principal().getName(),
                    cert.getNotAfter().toInstant(), signer.certificateCount());
            if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
                LOG.warn("the profile signing certificate expired on {}: devices will show profiles as not verified",
                        cert.getNotAfter().toInstant());
            }
            return Optional.of(signer);
        });
    }

    /** Loads the registry and starts listening; the future holds the port actually bound. */
    public Future<Integer> start() {
        return watcher.loadInitial().compose(registry -> signer()).compose(signer -> {
            Responses responses = new Responses(config.maxAge());
            var router = Routes.router(vertx,
                    new AutoconfigHandler(answers, responses),
                    new MobileconfigHandler(vertx, answers, responses, signer),
                    new SetupPageHandler(answers, responses),
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
