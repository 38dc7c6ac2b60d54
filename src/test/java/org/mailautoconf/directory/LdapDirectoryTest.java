package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.directory.Directories.Outcome;
import org.mailautoconf.directory.Directories.Resolution;
import org.mailautoconf.registry.EmailAddress;

/** The shipped inetOrgPerson example against a real slapd started once for the class. */
class LdapDirectoryTest {

    static final String META = "x*)(uid=*\\';--@uni.example";

    @TempDir
    static Path dir;
    static Slapd slapd;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.start(dir, Slapd.tree("Uni", List.of(
                person("s123456", "Mario Rossi", "mario.rossi@uni.example", "m.rossi@uni.example"),
                person("t999", "Tina Verdi", "tina.verdi@uni.example"),
                person("meta", "Meta Chars", META))));
    }

    private static String person(String uid, String cn, String... mail) {
        StringBuilder s = new StringBuilder("dn: uid=" + uid + ",ou=people," + Slapd.SUFFIX
                + "\nobjectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + cn + "\nsn: " + cn.split(" ")[1]);
        for (String m : mail) {
            s.append("\nmail: ").append(m);
        }
        return s.toString();
    }

    @AfterAll
    static void stop() throws Exception {
        slapd.close();
    }

    /** The shipped example, pointed at the test's slapd with the bind password in its secret file. */
    private static DirectorySettings example(String url, String secret) throws IOException {
        Path d = Files.createTempDirectory(dir, "conf");
        String text = Files.readString(Path.of("docs/directories/inetorgperson.yaml"))
                .replace("url: ldaps://ldap.uni.example ", "url: " + url + " ");
        assertThat(text).contains("url: " + url);
        Files.writeString(d.resolve("ldap-bind.secret"), secret + "\n");
        Path file = d.resolve("directories.yaml");
        Files.writeString(file, text);
        return DirectoryFile.read(file, name -> null);
    }

    private static String url() {
        return "ldap://127.0.0.1:" + slapd.port;
    }

    private static Directories opened(DirectorySettings settings) throws Exception {
        return Opened.of(settings);
    }

    private static Resolution resolve(Directories d, String address) throws Exception {
        return Opened.resolve(d, "university", address);
    }

    @Test
    void knownUser_logsInWithTheStaffIdNotTheAddress() throws Exception {
        try (Directories d = opened(example(url(), Slapd.SERVICE_PASSWORD))) {
            Resolution r = resolve(d, "mario.rossi@uni.example");
            assertThat(r.outcome()).isEqualTo(Outcome.FOUND);
            assertThat(r.entry().outgoingLogin()).contains("s123456");
            assertThat(r.entry().incomingLogin()).contains("s123456");
            assertThat(r.entry().canonicalAddress()).contains("mario.rossi@uni.example");
            // Asked again: from the cache, the directory is not asked.
            assertThat(resolve(d, "mario.rossi@uni.example").outcome()).isEqualTo(Outcome.CACHED);
            assertThat(d.total(Outcome.FOUND)).isEqualTo(1);
        }
    }

    @Test
    void alias_givesTheCanonicalMailboxAndItsLogin() throws Exception {
        try (Directories d = opened(example(url(), Slapd.SERVICE_PASSWORD))) {
            Resolution r = resolve(d, "m.rossi@uni.example");
            assertThat(r.entry().canonicalAddress()).contains("mario.rossi@uni.example");
            assertThat(r.entry().outgoingLogin()).contains("s123456");
        }
    }

    @Test
    void unknownUser_isUnknownAndCachedTheSameWay() throws Exception {
        try (Directories d = opened(example(url(), Slapd.SERVICE_PASSWORD))) {
            Resolution r = resolve(d, "nobody@uni.example");
            assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(r.entry().found()).isFalse();
            assertThat(resolve(d, "nobody@uni.example").outcome()).isEqualTo(Outcome.CACHED);
        }
    }

    @Test
    void filterMetacharacters_matchOnlyTheLiteralAddress() throws Exception {
        try (Directories d = opened(example(url(), Slapd.SERVICE_PASSWORD))) {
            assertThat(resolve(d, META).entry().outgoingLogin()).contains("meta");
            // Unescaped, (mail=*@uni.example) would match every person; escaped it matches none.
            assertThat(resolve(d, "*@uni.example").outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(resolve(d, "*)(uid=s123456@uni.example").outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(resolve(d, "m*@uni.example").outcome()).isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Test
    void wrongBindPassword_isAnErrorAndTheTemplateAnswerFollows() throws Exception {
        try (Directories d = opened(example(url(), "not-the-password"))) {
            Resolution r = resolve(d, "mario.rossi@uni.example");
            assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(r.entry().found()).isFalse();
        }
    }

    @Test
    void directoryDown_isAnErrorWithinTheTimeout() throws Exception {
        try (Directories d = opened(example("ldap://127.0.0.1:" + LocalPorts.free(), Slapd.SERVICE_PASSWORD))) {
            long start = System.nanoTime();
            Resolution r = resolve(d, "mario.rossi@uni.example");
            assertThat(r.outcome()).isIn(Outcome.ERROR, Outcome.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void directorySlow_timesOutAfterTheConfiguredTime() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            try (Directories d = opened(example("ldap://127.0.0.1:" + silent.port(), Slapd.SERVICE_PASSWORD))) {
                long start = System.nanoTime();
                Resolution r = resolve(d, "mario.rossi@uni.example");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                // The SDK's own response limit and the lookup's time limit are both 1 s: either ends it.
                assertThat(r.outcome()).isIn(Outcome.TIMEOUT, Outcome.ERROR);
                assertThat(r.entry().found()).isFalse();
                assertThat(took).isLessThan(Duration.ofMillis(2000));
                assertThat(d.total(Outcome.TIMEOUT) + d.total(Outcome.ERROR)).isEqualTo(1);
            }
        }
    }

    @Test
    void reload_newConfigurationIsAskedAndTheOldCacheIsGone() throws Exception {
        DirectorySettings first = example(url(), Slapd.SERVICE_PASSWORD);
        try (Directories d = opened(first)) {
            assertThat(resolve(d, "mario.rossi@uni.example").entry().outgoingLogin()).contains("s123456");
        }
        // The admin maps the login to cn instead: the new instance asks again and says so.
        SourceSettings.Ldap l = (SourceSettings.Ldap) first.sources().get("university");
        SourceSettings.Ldap changed = new SourceSettings.Ldap(l.name(), l.url(), l.startTls(), l.bindDn(), l.password(),
                l.baseDn(), l.filter(), l.domainFilter(), Map.of("outgoingLogin", "cn"), l.caFile());
        try (Directories d = opened(new DirectorySettings(first.timeout(), first.cacheFor(),
                first.lookupsPerMinute(), Map.of("university", changed)))) {
            Resolution r = resolve(d, "mario.rossi@uni.example");
            assertThat(r.outcome()).isEqualTo(Outcome.FOUND);
            assertThat(r.entry().outgoingLogin()).contains("Mario Rossi");
            assertThat(r.entry().incomingLogin()).isEqualTo(Optional.empty());
        }
    }
}
