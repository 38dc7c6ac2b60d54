package org.mailautoconf.http;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.ServiceConfig;

/** The real HttpService on a free loopback port, and an HTTP/1.1 client that never follows redirects. */
final class RunningService implements AutoCloseable {

    private final Vertx vertx;
    private final HttpService service;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private RunningService(Vertx vertx, HttpService service, int port) {
        this.vertx = vertx;
        this.service = service;
        this.port = port;
    }

    static RunningService start(ServiceConfig config) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpService service = new HttpService(vertx, config.withPort(0));
        int port = service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new RunningService(vertx, service, port);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** POSTs a document as Outlook does: text/xml, and whatever extra headers (name, value, ...). */
    HttpResponse<byte[]> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = request(path).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = request(pathAndQuery).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    @Override
    public void close() throws Exception {
        // Closing Vert.x from one of its own event-loop callbacks waits out Netty's 30 s grace period.
        service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
