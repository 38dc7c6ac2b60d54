package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.ConfigMapVolume;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;

/**
 * A directory that never stops changing still has its edits loaded, within a bounded delay,
 * and {@code /readyz} says when what is served is older than the files.
 */
class BusyDirectoryReloadTest {

    /**
     * Longer than a thread of a busy test machine is ever descheduled, so that the directory
     * changed below has no quiet interval at all; the bound is then 5 intervals, 1 s.
     */
    private static final Duration INTERVAL = Duration.ofMillis(200);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ServiceConfig config(Path dir) {
        return ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(INTERVAL).withCacheBytes(1L << 20);
    }

    private static JsonObject readyz(RunningService s) {
        var r = s.get("/readyz");
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
    }

    private static String imapHost(RunningService s, String domain) {
        var r = s.get("/v1.1/" + domain);
        assertThat(r.statusCode()).isEqualTo(200);
        var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
        return Xml.text(Xml.children(provider, "incomingServer").get(0), "hostname");
    }

    /** Runs {@code change} every 2 ms, for at most 30 s, until closed. */
    private static final class Churn implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;

        Churn(Change change) {
            thread = new Thread(() -> {
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                for (int i = 0; !stop.get() && System.nanoTime() < end; i++) {
                    try {
                        change.make(i);
                        Thread.sleep(2);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "churn");
            thread.setDaemon(true);
            thread.start();
        }

        boolean running() {
            return thread.isAlive();
        }

        /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
        @Override
        public void close() {
            stop.set(true);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the churn", e);
            }
        }
    }

    private interface Change {
        void make(int i) throws IOException;
    }

    @Test
    void anEdit_isLoadedWithinTheBound_whileAnotherFileKeepsChanging(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Path polito = dir.resolve("polito.yaml");
        try (RunningService s = RunningService.start(config(dir)); Churn churn = new Churn(i -> Files.writeString(dir.resolve("sync.log"), "line " + i + "\n"))) {
            Files.writeString(polito, Files.readString(polito).replace("hostname: mail.polito.it\n    port: 993",
                    "hostname: imap.polito.it\n    port: 993"));
            Instant edited = Instant.now();
            // The bound is 5 intervals (1 s) after the first change seen; the wait allows for a slow machine.
            RunningService.await(WAIT, "the edit served while the directory keeps changing",
                    () -> imapHost(s, "polito.it").equals("imap.polito.it"));
            assertThat(churn.running()).as("the directory was still changing when the edit was served").isTrue();
            assertThat(Duration.between(edited, Instant.now())).isLessThan(WAIT);
        }
    }

    @Test
    void aConfigMapSwappedWithoutPause_isLoadedWithinTheBound(@TempDir Path dir) throws Exception {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        String polito = Files.readString(Registries.SHIPPED.resolve("polito.yaml"));
        volume.publish(Map.of("polito.yaml", polito));
        try (RunningService s = RunningService.start(config(dir))) {
            String edited = polito.replace("hostname: mail.polito.it\n    port: 993", "hostname: imap.polito.it\n    port: 993");
            // A new ..data directory every few ms, each with the edit: never quiet for a whole interval.
            try (Churn churn = new Churn(i -> volume.publish(Map.of("polito.yaml", edited + "# update " + i + "\n")))) {
                RunningService.await(WAIT, "the edited ConfigMap served while it keeps being updated",
                        () -> imapHost(s, "polito.it").equals("imap.polito.it"));
                assertThat(churn.running()).as("the ConfigMap was still being updated when the edit was served").isTrue();
            }
        }
    }

    @Test
    void aFailedReload_makesReadyzSayStale_andStillReady(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Path polito = dir.resolve("polito.yaml");
        String good = Files.readString(polito);
        try (RunningService s = RunningService.start(config(dir))) {
            JsonObject fresh = readyz(s);
            assertThat(fresh.getString("status")).isEqualTo("ok");
            assertThat(fresh.getBoolean("stale")).isFalse();
            assertThat(fresh.containsKey("staleSince")).isFalse();

            Instant broken = Instant.now();
            Files.writeString(polito, good.replace("port: 993", "port: 99300"));
            RunningService.await(WAIT, "the failed reload", () -> "failed".equals(readyz(s).getJsonObject("lastReload").getString("result")));
            JsonObject stale = readyz(s);
            assertThat(stale.getBoolean("ready")).isTrue();
            assertThat(stale.getString("status")).isEqualTo("stale");
            assertThat(stale.getBoolean("stale")).isTrue();
            Instant since = Instant.parse(stale.getString("staleSince"));
            assertThat(since).isAfterOrEqualTo(broken.minusSeconds(1))
                    .isBeforeOrEqualTo(Instant.parse(stale.getJsonObject("lastReload").getString("at")));

            Files.writeString(polito, good);
            RunningService.await(WAIT, "the good reload", () -> "ok".equals(readyz(s).getJsonObject("lastReload").getString("result")));
            JsonObject current = readyz(s);
            assertThat(current.getString("status")).isEqualTo("ok");
            assertThat(current.getBoolean("stale")).isFalse();
        }
    }
}
