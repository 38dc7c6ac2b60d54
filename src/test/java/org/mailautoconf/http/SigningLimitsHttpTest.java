package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.SigningLimits;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.SigningSetup;
import org.mailautoconf.testing.TestPki;

/**
 * Signing runs on threads of its own behind a bounded queue, a per-client budget and a cap a
 * second for all clients together: a flood of new addresses gets 503 or 429 with Retry-After,
 * never takes the service from other clients, and profiles already signed are served from the
 * cache whatever the limits.
 */
class SigningLimitsHttpTest {

    @TempDir
    static Path dir;

    static ServiceConfig signed;

    @BeforeAll
    static void keys() throws Exception {
        Path providers = Registries.copyShipped(Files.createDirectories(dir.resolve("providers.d")));
        TestPki.Issued root = TestPki.rootCa("Test Root");
        ProfileSigning signing = SigningSetup.signing(dir, TestPki.signer("Test Profile Signer", TestPki.rsa(), root), root);
        signed = ServiceConfig.defaults().withProvidersDir(providers).withProfileSigning(Optional.of(signing));
    }

    @Test
    void floodOfNewAddresses_queueFull503WithRetryAfter_othersStillAnswered() throws Exception {
        // One signing thread, one waiting place, no per-client limit: only the queue bounds the flood.
        try (RunningService s = RunningService.start(signed.withSigningLimits(new SigningLimits(1, 1, 0, 1, 0)))) {
            String cachedPath = "/mobileconfig/signed.before@polito.it";
            byte[] cachedProfile = s.get(cachedPath).body();
            new CMSSignedData(cachedProfile);

            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger withoutRetryAfter = new AtomicInteger();
            AtomicInteger sent = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            int clients = 32;
            int maxRequests = 4_000;
            ExecutorService flood = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                flood.execute(() -> {
                    int n;
                    while (!stop.get() && (n = sent.incrementAndGet()) <= maxRequests) {
                        HttpResponse<byte[]> r = s.get("/mobileconfig/flood" + n + "@polito.it");
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
                            withoutRetryAfter.incrementAndGet();
                        }
                    }
                });
            }
            try {
                // Bounded: until the queue has refused some and a few normal requests were timed, at most 20 s.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int normal = 0;
                while ((normal < 20 || count(statuses, 503) == 0) && System.nanoTime() < deadline && sent.get() < maxRequests) {
                    long start = System.nanoTime();
                    HttpResponse<byte[]> r = s.get("/mail/config-v1.1.xml?emailaddress=normal" + normal + "%40unimi.it");
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(took).as("a normal request during the flood").isLessThan(Duration.ofSeconds(1));
                    HttpResponse<byte[]> hit = s.get(cachedPath);
                    assertThat(hit.statusCode()).as("a profile already signed, during the flood").isEqualTo(200);
                    assertThat(hit.body()).isEqualTo(cachedProfile);
                    normal++;
                }
            } finally {
                stop.set(true);
                flood.shutdown();
                assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(count(statuses, 503)).as("refused with the queue full: %s", statuses).isPositive();
            assertThat(count(statuses, 200)).as("signed meanwhile: %s", statuses).isPositive();
            assertThat(statuses.keySet()).as("only answers and 503s").isSubsetOf(List.of(200, 503));
            assertThat(withoutRetryAfter).hasValue(0);
            assertThat(s.get("/mobileconfig/after.flood@polito.it").statusCode()).as("signing again after the flood").isEqualTo(200);
            assertThat(metrics(s)).contains("mailautoconf_expensive_work_total{outcome=\"queue_full\",work=\"sign\"}")
                    .contains("mailautoconf_requests_total{endpoint=\"mobileconfig\",format=\"mobileconfig_signed\",outcome=\"busy\"}");
        }
    }

    @Test
    void clientOverItsBudget_429WithRetryAfter_cachedProfilesStillServed() throws Exception {
        // Three new profiles at once, then one a minute: the fourth new address is over the budget.
        try (RunningService s = RunningService.start(signed.withSigningLimits(new SigningLimits(1, 8, 1, 3, 0)))) {
            for (int i = 0; i < 3; i++) {
                assertThat(s.get("/mobileconfig/budget" + i + "@polito.it").statusCode()).isEqualTo(200);
            }

            HttpResponse<byte[]> over = s.get("/mobileconfig/budget3@polito.it");

            assertThat(over.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).as("about a minute for the next token").isBetween(1L, 61L);
            for (int i = 0; i < 30; i++) {
                assertThat(s.get("/mobileconfig/budget" + (i % 3) + "@polito.it").statusCode()).as("cache hit %s", i).isEqualTo(200);
            }
            assertThat(s.get("/mobileconfig/anyone@unknown.example").statusCode()).as("no provider: no work, no limit").isEqualTo(404);
            assertThat(s.get("/mail/config-v1.1.xml?emailaddress=budget3%40polito.it").statusCode()).isEqualTo(200);
            assertThat(s.get("/mobileconfig/budget4@polito.it").statusCode()).as("still over").isEqualTo(429);
            assertThat(metrics(s)).contains("mailautoconf_expensive_work_total{outcome=\"client_limit\",work=\"sign\"} 2.0")
                    .contains("mailautoconf_expensive_work_total{outcome=\"done\",work=\"sign\"} 3.0");
        }
    }

    @Test
    void newProfilesOverTheCapASecond_503WithRetryAfter_cachedProfilesStillServed() throws Exception {
        // No per-client limit and a long queue: only the cap (4 a second, 4 at once) refuses.
        try (RunningService s = RunningService.start(signed.withSigningLimits(new SigningLimits(1, 100, 0, 1, 4)))) {
            long start = System.nanoTime();
            String cachedPath = "/mobileconfig/signed.before@polito.it";
            byte[] cachedProfile = s.get(cachedPath).body();
            int signedSoFar = 1;
            HttpResponse<byte[]> refused = null;
            for (int i = 0; i < 200 && refused == null; i++) {
                HttpResponse<byte[]> r = s.get("/mobileconfig/over" + i + "@polito.it");
                if (r.statusCode() == 503) {
                    refused = r;
                } else {
                    assertThat(r.statusCode()).as("new address %s", i).isEqualTo(200);
                    signedSoFar++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(refused).as("a 503 among 200 new addresses asked for one after the other").isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).as("a quarter of a second, rounded up").hasValue("1");
            assertThat(signedSoFar).as("signed before the first refusal, in %.2f s: 4 at once and 4 a second", seconds)
                    .isLessThanOrEqualTo(4 + (int) Math.ceil(4 * seconds));
            for (int i = 0; i < 10; i++) {
                HttpResponse<byte[]> hit = s.get(cachedPath);
                assertThat(hit.statusCode()).as("a profile already signed, over the cap").isEqualTo(200);
                assertThat(hit.body()).isEqualTo(cachedProfile);
            }
            RunningService.await(Duration.ofSeconds(5), "a new profile signed after Retry-After",
                    () -> s.get("/mobileconfig/after.cap@polito.it").statusCode() == 200);
            assertThat(metrics(s)).contains("mailautoconf_expensive_work_total{outcome=\"rate_limit\",work=\"sign\"}")
                    .doesNotContain("mailautoconf_expensive_work_total{outcome=\"rate_limit\",work=\"sign\"} 0.0")
                    .contains("mailautoconf_expensive_work_total{outcome=\"queue_full\",work=\"sign\"} 0.0")
                    .contains("mailautoconf_requests_total{endpoint=\"mobileconfig\",format=\"mobileconfig_signed\",outcome=\"busy\"}");
        }
    }

    @Test
    void newProfilesBelowTheCap_allSigned() throws Exception {
        try (RunningService s = RunningService.start(signed.withSigningLimits(new SigningLimits(1, 100, 0, 1, 4)))) {
            for (int i = 0; i < 4; i++) {
                assertThat(s.get("/mobileconfig/burst" + i + "@polito.it").statusCode()).as("the 4 at once, %s", i).isEqualTo(200);
            }
            // Then one every 400 ms (2.5 a second, under the 4): the pace is what is tested, so it is slept.
            long next = System.nanoTime();
            for (int i = 0; i < 8; i++) {
                next += TimeUnit.MILLISECONDS.toNanos(400);
                TimeUnit.NANOSECONDS.sleep(next - System.nanoTime());
                assertThat(s.get("/mobileconfig/paced" + i + "@polito.it").statusCode()).as("paced %s", i).isEqualTo(200);
            }
            assertThat(metrics(s)).contains("mailautoconf_expensive_work_total{outcome=\"rate_limit\",work=\"sign\"} 0.0")
                    .contains("mailautoconf_expensive_work_total{outcome=\"done\",work=\"sign\"} 12.0");
        }
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static String metrics(RunningService s) {
        return new String(s.get("/metrics").body(), StandardCharsets.UTF_8);
    }
}
