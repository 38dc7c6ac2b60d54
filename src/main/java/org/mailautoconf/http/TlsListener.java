package org.mailautoconf.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.KeyCertOptions;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailautoconf.tls.TlsCertificates;
import org.mailautoconf.tls.TlsProfile;

/**
 * One https server on one event loop, serving the same handler (gate and router) as the plain listener. The
 * certificate of each handshake comes from the SNI key manager, so a certificate replaced on disk
 * or renewed by ACME is used from the next handshake on without touching the server.
 */
final class TlsListener extends VerticleBase {

    private final Handler<HttpServerRequest> router;
    private final TlsCertificates certificates;
    private final AtomicInteger boundPort;
    private HttpServer server;

    TlsListener(Handler<HttpServerRequest> router, TlsCertificates certificates, AtomicInteger boundPort) {
        this.router = router;
        this.certificates = certificates;
        this.boundPort = boundPort;
    }

    static HttpServerOptions options(TlsCertificates certificates) {
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

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(options(certificates)).requestHandler(router).listen().onSuccess(s -> {
            server = s;
            boundPort.compareAndSet(0, s.actualPort());
        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(HttpService.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
