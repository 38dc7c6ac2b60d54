package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.directory.Directories.Outcome;
import org.mailautoconf.directory.Directories.Resolution;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * The shipped PostfixAdmin example against a real database started once for each subclass
 * (PostgreSQL, MariaDB): the same rows, the same cases.
 */
abstract class PostfixAdminCases {

    static final String META = "x*)(uid=*\\';--@client.example";
    static final String DB_PASSWORD = "db-Secret-7";

    @TempDir
    static Path dir;

    /** The JDBC URL of database {@code postfix} on this loopback port. */
    abstract String url(int port);

    /** The port the class's database listens on. */
    abstract int port();

    /** The shipped example, pointed at the test's database, its password in the environment it names. */
    private static DirectorySettings example(String url, String password) throws IOException {
        Path d = Files.createTempDirectory(dir, "conf");
        String text = Files.readString(Path.of("docs/directories/postfixadmin.yaml"))
                .replace("url: jdbc:postgresql://db.hoster.example:5432/postfix", "url: " + url);
        assertThat(text).contains("url: " + url);
        Path file = d.resolve("directories.yaml");
        Files.writeString(file, text);
        return DirectoryFile.read(file, Map.of("POSTFIXADMIN_DB_PASSWORD", password)::get);
    }

    private static Directories opened(DirectorySettings settings) throws Exception {
        return Opened.of(settings);
    }

    private static Resolution resolve(Directories d, String address) throws Exception {
        return Opened.resolve(d, "postfixadmin", address);
    }

    @Test
    void mailbox_logsInWithItsUsername() throws Exception {
        try (Directories d = opened(example(url(port()), DB_PASSWORD))) {
            Resolution r = resolve(d, "anna@client.example");
            assertThat(r.outcome()).isEqualTo(Outcome.FOUND);
            assertThat(r.entry().outgoingLogin()).contains("anna@client.example");
            assertThat(r.entry().displayName()).contains("Anna Bianchi");
        }
    }

    @Test
    void alias_logsInAsTheCanonicalMailbox() throws Exception {
        try (Directories d = opened(example(url(port()), DB_PASSWORD))) {
            Resolution r = resolve(d, "info@client.example");
            assertThat(r.outcome()).isEqualTo(Outcome.FOUND);
            assertThat(r.entry().canonicalAddress()).contains("anna@client.example");
            assertThat(r.entry().incomingLogin()).contains("anna@client.example");
        }
    }

    @Test
    void unknownUser_isUnknownAndCached() throws Exception {
        try (Directories d = opened(example(url(port()), DB_PASSWORD))) {
            assertThat(resolve(d, "nobody@client.example").outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(resolve(d, "nobody@client.example").outcome()).isEqualTo(Outcome.CACHED);
        }
    }

    @Test
    void sqlMetacharacters_areBoundNotSpliced() throws Exception {
        try (Directories d = opened(example(url(port()), DB_PASSWORD))) {
            assertThat(resolve(d, META).entry().outgoingLogin()).contains(META);
            assertThat(resolve(d, "x'OR'1'='1@client.example").outcome()).isEqualTo(Outcome.UNKNOWN);
            assertThat(resolve(d, "a';DROP-TABLE-alias;--@client.example").outcome()).isEqualTo(Outcome.UNKNOWN);
            // The tables are still there.
            assertThat(resolve(d, "anna@client.example").outcome()).isEqualTo(Outcome.FOUND);
        }
    }

    @Test
    void domainQuery_saysWhichDomainsAreHosted() throws Exception {
        DirectorySettings s = example(url(port()), DB_PASSWORD);
        try (SqlSource source = new SqlSource((SourceSettings.Sql) s.sources().get("postfixadmin"), s.timeout())) {
            assertThat(source.hostsDomain(DomainName.parse("client.example"))).contains(true);
            assertThat(source.hostsDomain(DomainName.parse("gone.example"))).contains(false);
            assertThat(source.hostsDomain(DomainName.parse("other.example"))).contains(false);
        }
    }

    @Test
    void wrongPassword_isAnError() throws Exception {
        try (Directories d = opened(example(url(port()), "wrong"))) {
            assertThat(resolve(d, "anna@client.example").outcome()).isEqualTo(Outcome.ERROR);
        }
    }

    @Test
    void databaseDown_isAnErrorOrTimeoutWithinTheLimit() throws Exception {
        String url = url(LocalPorts.free());
        try (Directories d = opened(example(url, DB_PASSWORD))) {
            long start = System.nanoTime();
            assertThat(resolve(d, "anna@client.example").outcome()).isIn(Outcome.ERROR, Outcome.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void databaseSlow_timesOut() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            String url = url(silent.port());
            try (Directories d = opened(example(url, DB_PASSWORD))) {
                long start = System.nanoTime();
                // The pool gives up after half the time limit, or the limit ends the lookup.
                assertThat(resolve(d, "anna@client.example").outcome()).isIn(Outcome.TIMEOUT, Outcome.ERROR);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2000));
            }
        }
    }
}
