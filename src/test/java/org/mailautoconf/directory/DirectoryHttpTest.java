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

    @Test
    void halnet_smtpLoginFromTheDirectory_thenAReloadChangesTheDirectory() throws Exception {
        Path file = directories("conf-a", slapd.port, "uid");
        try (RunningService s = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                .withDirectories(Optional.of(file)))) {
            assertThat(autoconfig(s, "iuriturchi@hln.it")).contains("<username>hn-000417</username>");
            assertThat(autoconfig(s, "nobody@hln.it")).contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
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
            }
        }
    }
}
