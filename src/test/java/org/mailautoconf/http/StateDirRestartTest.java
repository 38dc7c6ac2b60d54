package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;

/**
 * With a state directory, a restart after a failed reload serves the last good registry, says
 * it is degraded, and returns to the files once they load.
 */
class StateDirRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    static JsonObject readyz(RunningService s) {
        var r = s.get("/readyz");
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(new String(r.body(), StandardCharsets.UTF_8));
    }

    private static String imapHost(RunningService s) {
        var r = s.get("/v1.1/polito.it");
        assertThat(r.statusCode()).isEqualTo(200);
        var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
        return Xml.text(Xml.children(provider, "incomingServer").get(0), "hostname");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aRestartAfterAFailedReload_servesTheLastGoodRegistry_degraded_untilTheFilesAreFixed(@TempDir Path tmp) throws Exception {
        Path dir = Registries.copyShipped(tmp.resolve("providers.d"));
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50))
                .withCacheBytes(1L << 20).withStateDir(Optional.of(tmp.resolve("state")));
        Path polito = dir.resolve("polito.yaml");
        String shipped = Files.readString(polito);
        String edited = shipped.replace("hostname: mail.polito.it\n    port: 993", "hostname: imap.polito.it\n    port: 993");
        String goodVersion;
        try (RunningService s = RunningService.start(config)) {
            Files.writeString(polito, edited);
            RunningService.await(WAIT, "the edit", () -> imapHost(s).equals("imap.polito.it"));
            goodVersion = readyz(s).getJsonObject("registry").getString("version");
            // The copy is written after the edit is served; a second edit before it is done would
            // (rightly) stop that copy, and the restart below would start from the one before.
            String kept = goodVersion;
            LastGoodFiles lastGood = new LastGoodFiles(tmp.resolve("state"));
            RunningService.await(WAIT, "the good registry kept", () -> {
                try {
                    return lastGood.saved().map(v -> v.version().equals(kept)).orElse(false);
                } catch (java.io.IOException e) {
                    return false;
                }
            });

            Files.writeString(polito, edited.replace("port: 993", "port: 99300"));
            RunningService.await(WAIT, "the failed reload", () -> "failed".equals(readyz(s).getJsonObject("lastReload").getString("result")));
        }

        try (LogCapture log = new LogCapture(); RunningService s = RunningService.start(config)) {
            assertThat(imapHost(s)).isEqualTo("imap.polito.it");
            JsonObject ready = readyz(s);
            assertThat(ready.getBoolean("ready")).isTrue();
            assertThat(ready.getString("status")).isEqualTo("degraded");
            assertThat(ready.getBoolean("stale")).isTrue();
            assertThat(ready.getJsonObject("registry").getString("version")).isEqualTo(goodVersion);
            assertThat(ready.getJsonObject("startedFrom").getString("version")).isEqualTo(goodVersion);
            assertThat(ready.getJsonObject("lastReload").getString("result")).isEqualTo("failed");
            assertThat(ready.getJsonObject("lastReload").getJsonArray("errors").encode()).contains("incoming[0].port");
            assertThat(count(log.text(), "DEGRADED")).isEqualTo(1);

            Files.writeString(polito, shipped);
            RunningService.await(WAIT, "the fixed files", () -> "ok".equals(readyz(s).getString("status")));
            assertThat(imapHost(s)).isEqualTo("mail.polito.it");
            JsonObject fixed = readyz(s);
            assertThat(fixed.getBoolean("stale")).isFalse();
            assertThat(fixed.containsKey("startedFrom")).isFalse();
            assertThat(count(log.text(), "DEGRADED")).as("said once").isEqualTo(1);
        }
    }

    @Test
    void aFirstStartWithBrokenFiles_andNothingKept_stillRefusesToStart(@TempDir Path tmp) {
        Path dir = tmp.resolve("providers.d");
        Registries.write(dir, "bad.yaml", "id: bad\nname: Bad\ndomains: [bad.example]\n");
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withStateDir(Optional.of(tmp.resolve("state")));
        assertThatThrownBy(() -> RunningService.start(config)).hasMessageContaining("'incoming' is required");
    }
}
