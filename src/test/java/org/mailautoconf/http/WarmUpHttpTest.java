package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.WarmUpSettings;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** The warm-up (issue 14): /readyz says not ready until it is done, it ends within its time, and its requests are not counted. */
class WarmUpHttpTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private static ServiceConfig config(WarmUpSettings warmUp) {
        return ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20).withWarmUp(warmUp);
    }

    @Test
    void readyz_isNotReady_untilTheWarmUpEnds_whichItDoesWithinItsTime() throws Exception {
        // More requests than 2 s can take: the time ends this warm-up.
        long started = System.nanoTime();
        try (RunningService s = RunningService.start(config(new WarmUpSettings(1_000_000, LIMIT)))) {
            List<JsonObject> seen = new ArrayList<>();
            int answersDuringWarmUp = 0;
            long deadline = System.nanoTime() + LIMIT.plusSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<byte[]> reply = s.get("/readyz");
                JsonObject body = new JsonObject(new String(reply.body(), StandardCharsets.UTF_8));
                seen.add(body.put("httpStatus", reply.statusCode()));
                if (reply.statusCode() == 200) {
                    break;
                }
                if (s.get("/mail/config-v1.1.xml?emailaddress=mario.rossi@polito.it").statusCode() == 200) {
                    answersDuringWarmUp++;
                }
                Thread.sleep(50);
            }
            double secondsToReady = (System.nanoTime() - started) / 1e9;
            JsonObject first = seen.get(0);
            JsonObject last = seen.get(seen.size() - 1);
            assertThat(first.getInteger("httpStatus")).as("the first /readyz, right after the start").isEqualTo(503);
            for (JsonObject r : seen.subList(0, seen.size() - 1)) {
                assertThat(r.getInteger("httpStatus")).isEqualTo(503);
                assertThat(r.getString("status")).isEqualTo("warming up");
                assertThat(r.getBoolean("ready")).isFalse();
                assertThat(r.getJsonObject("warmUp").getBoolean("done")).isFalse();
            }
            assertThat(last.getInteger("httpStatus")).as("ready in the end").isEqualTo(200);
            assertThat(last.getBoolean("ready")).isTrue();
            JsonObject warmUp = last.getJsonObject("warmUp");
            assertThat(warmUp.getBoolean("done")).isTrue();
            assertThat(warmUp.getInteger("requests")).isPositive().isLessThan(1_000_000);
            // The time limit, and the second the guard gives a request already sent; the guard is a
            // timer, which fires when its event loop gets to it: up to half a second late on a busy CI machine.
            assertThat(warmUp.getLong("millis")).isBetween(LIMIT.toMillis() - 100, LIMIT.toMillis() + 1_500);
            assertThat(secondsToReady).isLessThan(LIMIT.toSeconds() + 8);
            // Served meanwhile: only a load balancer waits.
            assertThat(answersDuringWarmUp).isPositive();
            // The warm-up's Autodiscover POSTs and profiles are not in the service's meters.
            String metrics = new String(s.get("/metrics").body(), StandardCharsets.UTF_8);
            assertThat(metrics).contains("endpoint=\"autoconfig\"").doesNotContain("endpoint=\"autodiscover\"")
                    .doesNotContain("endpoint=\"mobileconfig\"");
            // Nor are its client's connections.
            assertThat(metrics).doesNotContain("vertx_http_client").doesNotContain("pool_type=\"http\"");
        }
    }

    @Test
    void aWarmUpOfFewRequests_endsWhenTheyAreAnswered() throws Exception {
        try (RunningService s = RunningService.start(config(new WarmUpSettings(200, Duration.ofSeconds(30))))) {
            JsonObject body = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                HttpResponse<byte[]> reply = s.get("/readyz");
                body = new JsonObject(new String(reply.body(), StandardCharsets.UTF_8));
                if (reply.statusCode() == 200) {
                    break;
                }
                Thread.sleep(50);
            }
            assertThat(body.getBoolean("ready")).isTrue();
            assertThat(body.getJsonObject("warmUp").getInteger("requests")).isEqualTo(200);
        }
    }

    @Test
    void withoutAWarmUp_readyzIsReadyAtOnce_andSaysNothingOfIt() throws Exception {
        try (RunningService s = RunningService.start(config(WarmUpSettings.OFF))) {
            HttpResponse<byte[]> reply = s.get("/readyz");
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(new String(reply.body(), StandardCharsets.UTF_8)).containsKey("warmUp")).isFalse();
        }
    }
}
