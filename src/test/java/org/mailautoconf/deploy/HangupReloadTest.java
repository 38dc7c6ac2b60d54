package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** {@code kill -HUP} reloads the provider directory at once, as with nginx; it used to stop the JVM (exit 129). */
class HangupReloadTest {

    private static String version(ServeProcess serve) {
        return new JsonObject(serve.get("/readyz").body()).getJsonObject("registry").getString("version");
    }

    private static void hangup(ServeProcess serve) throws Exception {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(serve.handle().pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /** Waits up to 15 s; a timeout shows the service's log, the only record of what the signal did. */
    private static void awaitOrShowLog(ServeProcess serve, String what, java.util.function.BooleanSupplier condition) {
        try {
            RunningService.await(Duration.ofSeconds(15), what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the service's log:\n" + serve.log(), e);
        }
    }

    @Test
    void startedWithSighupIgnored_saysSoAtStart(@TempDir Path tmp) throws Exception {
        Path dir = Registries.copyShipped(tmp.resolve("providers.d"));
        Map<String, String> env = Map.of("MAILAUTOCONF_PORT", Integer.toString(ServeProcess.freePort()), "MAILAUTOCONF_PROVIDERS", dir.toString());
        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx128m"), env, tmp, true)) {
            assertThat(serve.log()).contains("SIGHUP is ignored in this process");
            hangup(serve);
            assertThat(serve.get("/healthz").statusCode()).isEqualTo(200);
        }
        Map<String, String> again = Map.of("MAILAUTOCONF_PORT", Integer.toString(ServeProcess.freePort()), "MAILAUTOCONF_PROVIDERS", dir.toString());
        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx128m"), again, tmp)) {
            assertThat(serve.log()).doesNotContain("SIGHUP is ignored");
        }
    }

    @Test
    void sighup_reloadsAChangedFileAtOnce_andTheServiceStaysUp(@TempDir Path tmp) throws Exception {
        Path dir = Registries.copyShipped(tmp.resolve("providers.d"));
        // An hour between checks: only the signal can make it load the edit within the test.
        Map<String, String> env = Map.of("MAILAUTOCONF_PORT", Integer.toString(ServeProcess.freePort()),
                "MAILAUTOCONF_PROVIDERS", dir.toString(), "MAILAUTOCONF_RELOAD_INTERVAL", "3600");
        try (ServeProcess serve = ServeProcess.start(List.of("-Xmx128m"), env, tmp)) {
            String before = version(serve);
            Path polito = dir.resolve("polito.yaml");
            Files.writeString(polito, Files.readString(polito).replace("hostname: mail.polito.it\n    port: 993",
                    "hostname: imap.polito.it\n    port: 993"));

            hangup(serve);
            awaitOrShowLog(serve, "the reload after SIGHUP", () -> !version(serve).equals(before));
            assertThat(serve.handle().isAlive()).isTrue();
            assertThat(serve.get("/v1.1/polito.it").body()).contains("imap.polito.it");
            assertThat(serve.log()).contains("reloading " + dir + " as asked (SIGHUP)");

            // A second signal, with nothing changed, reloads the same registry and still does not stop it.
            hangup(serve);
            awaitOrShowLog(serve, "the second reload", () -> serve.log().split("as asked \\(SIGHUP\\)", -1).length - 1 == 2);
            assertThat(serve.handle().isAlive()).isTrue();
            assertThat(serve.get("/healthz").statusCode()).isEqualTo(200);
        }
    }
}
