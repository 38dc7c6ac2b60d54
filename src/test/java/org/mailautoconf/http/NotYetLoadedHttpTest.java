package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;

/**
 * The service listens while its first registry loads (seconds for a hoster's): it is alive, not
 * ready, and tells clients to come back instead of saying that no provider serves them.
 */
class NotYetLoadedHttpTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void beforeTheFirstLoad_answersAre503WithRetryAfter_healthAndMetricsAnswer_andTheLoadOpensTheGate() throws Exception {
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx();
        HttpService service = new HttpService(vertx, ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withPort(0), metrics);
        // The service's own router on a server of the test's: the state before the load, held still.
        HttpServer server = vertx.createHttpServer().requestHandler(service.router(true)).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (LogCapture log = new LogCapture()) {
            int port = server.actualPort();
            for (String path : new String[] {"/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it", "/v1.1/polito.it",
                    "/mobileconfig/mario.rossi@polito.it", "/", "/no/such/path"}) {
                HttpResponse<String> r = get(port, path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).as(path).hasValue("5");
                assertThat(r.body()).as(path).contains("still loading");
            }
            HttpResponse<String> autodiscover = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/autodiscover/autodiscover.xml"))
                    .POST(HttpRequest.BodyPublishers.ofString("<Autodiscover/>")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(autodiscover.statusCode()).isEqualTo(503);
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(port, "/readyz").statusCode()).isEqualTo(503);
            HttpResponse<String> metricsPage = get(port, "/metrics");
            assertThat(metricsPage.statusCode()).isEqualTo(200);
            assertThat(metricsPage.body()).contains("outcome=\"not_ready\"");
            assertThat(log.text()).as("no log line per request while loading").doesNotContain("still loading");

            service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(get(port, "/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it").statusCode()).isEqualTo(200);
            assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        } finally {
            service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
