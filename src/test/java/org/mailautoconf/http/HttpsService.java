package org.mailautoconf.http;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.RunningService;

/** The real service with its https listener on free loopback ports. */
final class HttpsService implements AutoCloseable {

    final Vertx vertx;
    final HttpService service;
    final int httpPort;
    final int httpsPort;

    private HttpsService(Vertx vertx, HttpService service, int httpPort, int httpsPort) {
        this.vertx = vertx;
        this.service = service;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Starts on {@code config}'s port (0: a free one), failing the test when it does not start. */
    static HttpsService start(ServiceConfig config) {
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx();
        try {
            HttpService service = new HttpService(vertx, config, metrics);
            int port = service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new HttpsService(vertx, service, port, service.tlsPort().orElseThrow());
        } catch (Exception e) {
            vertx.close();
            throw new AssertionError("service did not start: " + e.getMessage(), e);
        }
    }

    HttpResponse<String> get(HttpClient client, URI uri, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> http(String pathAndQuery, String... headers) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        return get(client, URI.create("http://127.0.0.1:" + httpPort + pathAndQuery), headers);
    }

    HttpResponse<String> https(SSLContext trust, HttpClient.Version version, String pathAndQuery) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(version).sslContext(trust).followRedirects(HttpClient.Redirect.NEVER).build();
        return get(client, URI.create("https://127.0.0.1:" + httpsPort + pathAndQuery));
    }

    /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        RunningService.stop(service, vertx);
    }
}
