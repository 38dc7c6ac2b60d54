package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import java.util.HashSet;
import java.util.List;
import org.mailautoconf.HostPort;
import org.mailautoconf.tls.TlsCertificates;
import org.mailautoconf.tls.TlsProfile;

/**
 * One HTTP server on one event loop, its connections held to their deadlines by a
 * {@link ConnectionGuard}: plain HTTP with {@link #options(HostPort)}, https with
 * {@link #httpsOptions}.
 */
final class Listener extends VerticleBase {

    /**
     * How long a stop waits for requests already being received. An answer takes microseconds;
     * this covers a client that sends its request slowly, and stays well inside Kubernetes'
     * 30 s grace period.
     */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Handler<HttpServerRequest> router;
    private final HttpServerOptions options;
    private final OpenConnections connections;
    private final IntConsumer bound;
    private HttpServer server;
    private ConnectionGuard guard;

    Listener(Handler<HttpServerRequest> router, HttpServerOptions options, OpenConnections connections, IntConsumer bound) {
        this.router = router;
        this.options = options;
        this.connections = connections;
        this.bound = bound;
    }

    @Override
    public Future<?> start() {
        guard = new ConnectionGuard(vertx, connections, router);
        guard.start();
        return vertx.createHttpServer(options)
                .connectionHandler(guard::connected)
                .requestHandler(guard::request)
                .listen()
                .onSuccess(s -> {
                    server = s;
                    bound.accept(s.actualPort());
                });
    }

    /**
     * HTTP/1.1 only: with cleartext HTTP/2 on (Vert.x's default) a connection is set up only
     * once its first bytes show which protocol it speaks, so a silent one would be seen by no
     * guard; and no mail client speaks HTTP/2 without TLS.
     */
    static HttpServerOptions options(HostPort address) {
        return new HttpServerOptions().setHost(address.host()).setPort(address.port()).setHttp2ClearTextEnabled(false);
    }

    /**
     * https: TLS 1.2 and 1.3 with {@link TlsProfile}'s suites, ALPN offering h2 and http/1.1, and
     * the certificate of each handshake from the SNI key manager, so a certificate replaced on
     * disk or renewed by ACME is used from the next handshake on without touching the server.
     * Vert.x's TLS handshake timeout (10 s) covers a connection that never finishes its
     * handshake: the guard sees a connection only once it has one.
     */
    static HttpServerOptions httpsOptions(TlsCertificates certificates) {
        HttpServerOptions o = new HttpServerOptions()
                .setHost(certificates.settings().listen().host())
                .setPort(certificates.settings().listen().port())
                .setSsl(true)
                .setKeyCertOptions(KeyCertOptions.wrap(certificates.keyManager()))
                .setEnabledSecureTransportProtocols(new HashSet<>(TlsProfile.PROTOCOLS))
                .setUseAlpn(true)
                .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
        TlsProfile.CIPHER_SUITES.forEach(o::addEnabledCipherSuite);
        return o;
    }

    /** Drains the connections ({@link ConnectionGuard#drain}), then closes the server, finishing requests for up to {@link #STOP_GRACE}. */
    @Override
    public Future<?> stop() {
        if (server == null) {
            guard.stop();
            return Future.succeededFuture();
        }
        return guard.drain(context)
                .compose(v -> server.shutdown(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS))
                .onComplete(v -> guard.stop());
    }
}
