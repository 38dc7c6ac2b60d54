package org.mailautoconf.testing;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.http.HttpService;
import org.mailautoconf.http.Metrics;

/** The real service on a free loopback port, and a real HTTP client to ask it. */
public final class RunningService implements AutoCloseable {

    private final Vertx vertx;
    private final HttpService service;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RunningService(Vertx vertx, HttpService service, int port) {
        this.vertx = vertx;
        this.service = service;
        this.port = port;
    }

    public static RunningService start(ServiceConfig config) {
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx();
        HttpService service = new HttpService(vertx, config.withPort(0)
                .withManagement(config.management().map(m -> new HostPort(m.host(), 0))), metrics);
        try {
            int port = service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new RunningService(vertx, service, port);
        } catch (Exception e) {
            vertx.close();
            throw new AssertionError("service did not start: " + e.getMessage(), e);
        }
    }

    /** What SIGHUP does: reloads the provider directory and the directories file. */
    public void reload() {
        service.reload();
    }

    public int port() {
        return port;
    }

    /** The port of {@code --management-listen} when the config has one (asked for with port 0: a free one). */
    public int managementPort() {
        return service.managementPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    /** POSTs a document as Outlook does: text/xml, and header name/value pairs. */
    public HttpResponse<byte[]> post(String path, String body, String... headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    /** GET with header name/value pairs. */
    public HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = request(pathAndQuery).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}: waiting for an event, not for luck. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Stops the service's listeners, as a SIGTERM does; completes when they are stopped. */
    public java.util.concurrent.CompletableFuture<Void> stop() {
        return service.stop().toCompletionStage().toCompletableFuture();
    }

    /** Throws no InterruptedException, which a try-with-resources block would have to handle (javac's -Xlint:try). */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        stop(service, vertx);
    }

    /** Stops {@code service}, then closes its {@code vertx}; throws no InterruptedException. */
    public static void stop(HttpService service, Vertx vertx) throws ExecutionException, TimeoutException {
        try {
            // Not composed: vertx.close() completes only once no event-loop callback is running.
            service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the service", e);
        }
    }
}
