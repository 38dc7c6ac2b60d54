package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.http.LogCapture;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.testing.RunningService;

/** serve --directories: Halnet's SMTP login over HTTP from a real slapd; slow directory; reload. */
class DirectoryHttpTest {

    @TempDir
    static Path dir;
    static Slapd slapd;
    static Path providers;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.halnet(Files.createDirectories(dir.resolve("ldap")));
        providers = Slapd.halnetProviders(dir.resolve("providers"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    private static Path directories(String name, int port, String loginAttribute) throws Exception {
        return Slapd.customersFile(dir.resolve(name), port, loginAttribute, "");
    }

    private static String autoconfig(RunningService s, String address) {
        HttpResponse<byte[]> r = s.get("/mail/config-v1.1.xml?emailaddress=" + address);
        assertThat(r.statusCode()).isEqualTo(200);
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String cacheControl(RunningService s, String address) {
        HttpResponse<byte[]> r = s.get("/mail/config-v1.1.xml?emailaddress=" + address);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("Cache-Control").orElse("");
    }

    @Test
    void readyz_waitsForTheDirectoryToConnectOrGiveUp_thenNamesItDown() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            Path file = directories("conf-connecting", silent.port(), "uid");
            // The bind waits the whole time limit for an answer that never comes.
            Files.writeString(file, "timeoutMillis: 4000\n" + Files.readString(file));
            long start = System.nanoTime();
            try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                    .withDirectories(Optional.of(file)))) {
                HttpResponse<byte[]> early = s.get("/readyz");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("asked while the bind waits")
                        .isLessThan(Duration.ofMillis(3500));
                assertThat(early.statusCode()).isEqualTo(503);
                assertThat(new String(early.body(), StandardCharsets.UTF_8)).contains("\"customers\" : \"connecting\"");
                RunningService.await(Duration.ofSeconds(15), "ready once the connect attempt gave up",
                        () -> s.get("/readyz").statusCode() == 200);
                assertThat(new String(s.get("/readyz").body(), StandardCharsets.UTF_8))
                        .contains("\"customers\" : \"down\"").contains("\"ready\" : true");
            }
        }
    }

    @Test
    void readyz_namesAConnectedDirectoryUp() throws Exception {
        try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                .withDirectories(Optional.of(directories("conf-up", slapd.port, "uid"))))) {
            RunningService.await(Duration.ofSeconds(15), "ready", () -> s.get("/readyz").statusCode() == 200);
            assertThat(new String(s.get("/readyz").body(), StandardCharsets.UTF_8)).contains("\"customers\" : \"up\"");
            // Ready means connected: the first request gets the directory's answer, not the template.
            assertThat(autoconfig(s, "iuriturchi@hln.it")).contains("<username>hn-000417</username>");
        }
    }

    @Test
    void halnet_smtpLoginFromTheDirectory_thenAReloadChangesTheDirectory() throws Exception {
        Path file = directories("conf-a", slapd.port, "uid");
        try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                .withDirectories(Optional.of(file)))) {
            assertThat(autoconfig(s, "iuriturchi@hln.it")).contains("<username>hn-000417</username>");
            assertThat(autoconfig(s, "nobody@hln.it")).contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
            // No existence oracle: an unknown address's answer is kept by HTTP caches as long as a known one's.
            String known = cacheControl(s, "iuriturchi@hln.it");
            assertThat(cacheControl(s, "nobody@hln.it")).isEqualTo(known);
            assertThat(known).startsWith("max-age=").isNotEqualTo("max-age=5");
            String metrics = new String(s.get("/metrics").body(), StandardCharsets.UTF_8);
            assertThat(metrics).contains("mailautoconf_directory_lookups_total{outcome=\"found\"} 1.0")
                    .contains("mailautoconf_directory_lookups_total{outcome=\"unknown\"} 1.0");

            // The admin maps the SMTP login to cn; SIGHUP's reload reads the file again, the cache goes.
            Files.writeString(file, Files.readString(file).replace("outgoingLogin: uid", "outgoingLogin: cn"));
            s.reload();
            RunningService.await(Duration.ofSeconds(10), "the reloaded directory's login",
                    () -> autoconfig(s, "iuriturchi@hln.it").contains("<username>Iuri Turchi</username>"));
        }
    }

    @Test
    void aChangedDirectoriesFile_isReadWithoutSighup_andDropsTheCache_aBrokenOneKeepsTheLastGood() throws Exception {
        Path file = directories("conf-watched", slapd.port, "uid");
        try (LogCapture log = new LogCapture();
                RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                        .withReloadInterval(Duration.ofMillis(50)).withDirectories(Optional.of(file)))) {
            // Cached for the file's cacheSeconds (300) from here on.
            assertThat(autoconfig(s, "iuriturchi@hln.it")).contains("<username>hn-000417</username>");

            Files.writeString(file, Files.readString(file).replace("outgoingLogin: uid", "outgoingLogin: cn"));
            RunningService.await(Duration.ofSeconds(10), "the changed directory's login, the cached one dropped",
                    () -> autoconfig(s, "iuriturchi@hln.it").contains("<username>Iuri Turchi</username>"));
            assertThat(log.lines("directories reloaded from " + file)).hasSize(1);

            Files.writeString(file, Files.readString(file) + "bogusField: 1\n");
            RunningService.await(Duration.ofSeconds(10), "the broken file's log line",
                    () -> !log.lines("directories not reloaded").isEmpty());
            assertThat(log.lines("directories not reloaded").get(0)).contains(file.toString())
                    .contains("bogusField is not a field here");
            // Broken another way: one more line. The checks in between, of the same broken bytes, said nothing.
            Files.writeString(file, Files.readString(file).replace("bogusField", "otherField"));
            RunningService.await(Duration.ofSeconds(10), "the second broken file's log line",
                    () -> log.lines("directories not reloaded").size() >= 2);
            assertThat(log.lines("directories not reloaded")).hasSize(2).last().asString().contains("otherField");
            assertThat(autoconfig(s, "iuriturchi@hln.it")).as("the last good directories serve")
                    .contains("<username>Iuri Turchi</username>");
        }
    }

    @Test
    void aNewPasswordInThePasswordFile_isReadWithoutSighup() throws Exception {
        Path file = directories("conf-password", slapd.port, "uid");
        Files.writeString(file.resolveSibling("bind.secret"), "not-the-password");
        try (LogCapture log = new LogCapture();
                RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                        .withReloadInterval(Duration.ofMillis(50)).withDirectories(Optional.of(file)))) {
            // The bind is refused: the template answer.
            assertThat(autoconfig(s, "iuriturchi@hln.it")).contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
            Files.writeString(file.resolveSibling("bind.secret"), Slapd.SERVICE_PASSWORD);
            RunningService.await(Duration.ofSeconds(10), "the directory's login with the new password",
                    () -> autoconfig(s, "iuriturchi@hln.it").contains("<username>hn-000417</username>"));
            assertThat(log.lines("directories reloaded from " + file)).hasSize(1);
            assertThat(log.text()).doesNotContain(Slapd.SERVICE_PASSWORD).doesNotContain("not-the-password");
        }
    }

    @Test
    void slowDirectory_templateAnswerWithinTheTimeout_neverAnError() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                    .withDirectories(Optional.of(directories("conf-slow", silent.port(), "uid"))))) {
                long start = System.nanoTime();
                assertThat(autoconfig(s, "iuriturchi@hln.it"))
                        .contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
                String metrics = new String(s.get("/metrics").body(), StandardCharsets.UTF_8);
                assertThat(metrics).containsPattern("mailautoconf_directory_lookups_total\\{outcome=\"(timeout|error)\"} 1.0");
                // Made without the directory: HTTP caches keep it briefly, not for the answers' max-age.
                assertThat(cacheControl(s, "iuriturchi@hln.it")).isEqualTo("max-age=5");
            }
        }
    }
}
