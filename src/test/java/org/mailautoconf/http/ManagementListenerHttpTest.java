package org.mailautoconf.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/**
 * {@code --management-listen}: health, readiness and metrics on an address of their own, and no
 * longer on the public one, where after a failed reload {@code /readyz} would show file paths
 * and errors to anyone.
 */
class ManagementListenerHttpTest {

    private static HttpResponse<byte[]> management(RunningService s, String path) {
        return s.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.managementPort() + path))
                .timeout(Duration.ofSeconds(10)).build());
    }

    @Test
    void healthReadinessAndMetrics_areServedOnTheManagementAddress_andNotOnThePublicOne() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED)
                .withManagement(Optional.of(HostPort.parse("127.0.0.1:0")));
        try (RunningService s = RunningService.start(config)) {
            assertThat(s.managementPort()).isPositive().isNotEqualTo(s.port());

            assertThat(management(s, "/healthz").statusCode()).isEqualTo(200);
            HttpResponse<byte[]> ready = management(s, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(new String(ready.body(), UTF_8)).getBoolean("ready")).isTrue();
            HttpResponse<byte[]> metrics = management(s, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(new String(metrics.body(), UTF_8)).contains("mailautoconf_registry_providers")
                    .contains("mailautoconf_connections_open{listener=\"public\"}");

            for (String path : new String[] {"/healthz", "/readyz", "/metrics"}) {
                assertThat(s.get(path).statusCode()).as("public " + path).isEqualTo(404);
            }
            assertThat(s.get("/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it").statusCode()).isEqualTo(200);
            // And no answer of the public service on the management address.
            assertThat(management(s, "/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePublicPort_isRefusedAsTheManagementPort() {
        Metrics metrics = new Metrics();
        io.vertx.core.Vertx vertx = metrics.newVertx();
        try {
            ServiceConfig config = ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withListen("0.0.0.0", 8080)
                    .withManagement(Optional.of(HostPort.parse("127.0.0.1:8080")));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new HttpService(vertx, config, metrics))
                    .withMessageContaining("--management-listen 127.0.0.1:8080 needs a port of its own");
        } finally {
            vertx.close();
        }
    }

    @Test
    void withoutIt_thePublicListenerServesThem() throws Exception {
        try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED))) {
            assertThat(s.managementPort()).isZero();
            for (String path : new String[] {"/healthz", "/readyz", "/metrics"}) {
                assertThat(s.get(path).statusCode()).as("public " + path).isEqualTo(200);
            }
        }
    }
}
