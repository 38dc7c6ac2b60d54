package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

class MetricsAndAccessLogTest {

    private static ServiceConfig config(boolean accessLog) {
        return ServiceConfig.defaults().withPort(0).withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20)
                .withAccessLog(accessLog);
    }

    private static String metrics(RunningService s) {
        var r = s.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void metrics_countRequestsByEndpointFormatAndOutcome_withBoundedLabels() throws Exception {
        try (RunningService s = RunningService.start(config(false))) {
            for (int i = 0; i < 20; i++) {
                s.get("/mail/config-v1.1.xml?emailaddress=user" + i + "%40polito.it");
                s.get("/v1.1/unknown" + i + ".example");
            }
            s.get("/mail/config-v1.1.xml?emailaddress=user0%40polito.it");
            s.get("/mail/config-v1.1.xml?emailaddress=not-an-address");
            String text = metrics(s);
            assertThat(text)
                    .contains("mailautoconf_requests_total{endpoint=\"autoconfig\",format=\"autoconfig\",outcome=\"answered\"} 21.0")
                    .contains("mailautoconf_requests_total{endpoint=\"autoconfig\",format=\"autoconfig\",outcome=\"not_found\"} 20.0")
                    .contains("mailautoconf_requests_total{endpoint=\"autoconfig\",format=\"none\",outcome=\"bad_request\"} 1.0")
                    .contains("mailautoconf_request_duration_seconds_bucket{endpoint=\"autoconfig\"")
                    .contains("cache_gets_total{cache=\"answers\",result=\"hit\"} 1.0")
                    // Every answer request asks the cache first: 20 rendered, 20 for unknown domains.
                    .contains("cache_gets_total{cache=\"answers\",result=\"miss\"} 40.0")
                    .contains("mailautoconf_registry_reloads_total{result=\"ok\"} 1.0")
                    .contains("mailautoconf_registry_providers 4.0")
                    .contains("mailautoconf_registry_domains 8.0")
                    .contains("vertx_pool_queue_pending")
                    .contains("jvm_memory_used_bytes");
            assertThat(text).doesNotContain("polito.it").doesNotContain("unknown1").doesNotContain("user1");
            // The duration's fixed bounds (docs/metrics.md), and all 42 requests within 5 s.
            String bucket = "mailautoconf_request_duration_seconds_bucket{endpoint=\"autoconfig\",le=\"";
            assertThat(text.lines().filter(l -> l.startsWith(bucket)).map(l -> l.substring(bucket.length(), l.indexOf('"', bucket.length()))))
                    .containsExactly("1.0E-4", "2.5E-4", "5.0E-4", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5",
                            "1.0", "2.5", "5.0", "+Inf");
            assertThat(text).contains(bucket + "5.0\"} 42").contains(bucket + "+Inf\"} 42");
        }
    }

    @Test
    void autodiscoverErrorsSentWithStatus200_countAsProtocolErrors() throws Exception {
        try (RunningService s = RunningService.start(config(false))) {
            String body = org.mailautoconf.testing.Requests.mobileSync("mario.rossi@unimi.it");
            var r = s.send(java.net.http.HttpRequest.newBuilder(s.uri("/Autodiscover/Autodiscover.xml"))
                    .header("Content-Type", "text/xml").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<ErrorCode>601</ErrorCode>");
            assertThat(metrics(s)).contains(
                    "mailautoconf_requests_total{endpoint=\"autodiscover\",format=\"autodiscover-mobilesync\",outcome=\"protocol_error\"} 1.0");
        }
    }

    @Test
    void accessLog_hasOneLinePerRequest_withTheDomainButNeverTheAddressOrHeaders() throws Exception {
        String log;
        try (RunningService s = RunningService.start(config(true)); LogCapture capture = new LogCapture()) {
            s.get("/mail/config-v1.1.xml?emailaddress=secret.person%40polito.it", "Authorization", "Basic c2VjcmV0OnBhc3N3b3Jk");
            s.get("/v1.1/nowhere.example");
            RunningService.await(Duration.ofSeconds(5), "two access-log lines", () -> capture.lines(" access - ").size() >= 2);
            log = capture.text();
        }
        assertThat(log).contains("GET /mail/config-v1.1.xml 200").contains("format=autoconfig domain=polito.it client=127.0.0.0")
                .contains("GET /v1.1/nowhere.example 404");
        assertThat(log).doesNotContain("secret.person").doesNotContain("c2VjcmV0OnBhc3N3b3Jk").doesNotContain("Basic");
    }
}
