package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.ConfigMapVolume;
import org.mailautoconf.testing.RunningService;
import static org.mailautoconf.testing.DomainLists.HOSTER;
import static org.mailautoconf.testing.DomainLists.list;

/**
 * A hoster's domain list over HTTP: a listed domain is answered with its own name filled in, a
 * changed list is served after the reload (a domain gone from it no longer is, cached or not),
 * and the domains the change did not touch are answered all through it.
 */
class DomainListHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ServiceConfig config(Path dir) {
        return ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50));
    }

    private static int status(RunningService s, String domain) {
        return s.get("/v1.1/" + domain).statusCode();
    }

    @Test
    void listedDomain_answered_andAChangedListServed_whileUnchangedDomainsKeepTheirAnswer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hoster.yaml"), HOSTER);
        Files.writeString(dir.resolve("customers.txt"), list(20_000, "leaving.example"));
        try (RunningService s = RunningService.start(config(dir))) {
            var r = s.get("/v1.1/shop17.example");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("<hostname>imap.shop17.example</hostname>");
            assertThat(status(s, "leaving.example")).as("asked once, so cached").isEqualTo(200);
            assertThat(status(s, "arriving.example")).isEqualTo(404);

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                long end = System.nanoTime() + WAIT.toNanos();
                // Bounded in count and time; unchanged domains all through the reload.
                while (!done.get() && System.nanoTime() < end && asked.get() < 50_000) {
                    int i = asked.getAndIncrement() % 20_000;
                    if (status(s, "shop" + i + ".example") != 200) {
                        failed.incrementAndGet();
                    }
                }
            });
            Files.writeString(dir.resolve("customers.txt"), list(20_000, "arriving.example"));
            RunningService.await(WAIT, "the new list", () -> status(s, "arriving.example") == 200);
            done.set(true);
            load.join();

            // The cached answers go right after the new registry is published (Answers.publish), so
            // a request between the two may still see one: waited for, within the deadline.
            RunningService.await(WAIT, "the answer cached for a domain gone from the list dropped",
                    () -> status(s, "leaving.example") == 404);
            assertThat(asked.get()).as("requests made during the reload").isPositive();
            assertThat(failed.get()).as("unchanged domains that failed during the reload").isZero();
        }
    }

    @Test
    void listInAConfigMapVolume_followedThroughItsSymlinks(@TempDir Path dir) throws Exception {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        volume.publish(Map.of("hoster.yaml", HOSTER, "customers.txt", list(10)));
        try (RunningService s = RunningService.start(config(dir))) {
            assertThat(status(s, "shop3.example")).isEqualTo(200);
            assertThat(status(s, "arriving.example")).isEqualTo(404);

            volume.publish(Map.of("hoster.yaml", HOSTER, "customers.txt", list(10, "arriving.example")));

            RunningService.await(WAIT, "the list of the new ConfigMap", () -> status(s, "arriving.example") == 200);
            assertThat(status(s, "shop3.example")).isEqualTo(200);
        }
    }

    @Test
    void brokenList_keepsServingTheLastGoodOne(@TempDir Path dir) throws IOException, Exception {
        Files.writeString(dir.resolve("hoster.yaml"), HOSTER);
        Files.writeString(dir.resolve("customers.txt"), list(10));
        try (RunningService s = RunningService.start(config(dir))) {
            Files.writeString(dir.resolve("customers.txt"), list(10, "bad_name.example"));
            RunningService.await(WAIT, "the failed reload", () -> new String(s.get("/readyz").body(), StandardCharsets.UTF_8)
                    .contains("bad_name.example"));
            assertThat(status(s, "shop3.example")).isEqualTo(200);
        }
    }
}
