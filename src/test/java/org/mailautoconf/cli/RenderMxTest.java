package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.HosterZones;
import org.mailautoconf.testing.NamedServer;
import org.mailautoconf.testing.Registries;

/** {@code render} for a domain no file lists: the provider its MX chose, and which record chose it. */
class RenderMxTest {

    @TempDir
    static Path dir;
    static NamedServer named;
    static Path providers;

    @BeforeAll
    static void setUp() throws Exception {
        named = HosterZones.start(Files.createDirectories(dir.resolve("named")));
        providers = Files.createDirectories(dir.resolve("providers.d"));
        Registries.write(providers, "mxhoster.yaml", HosterZones.PROVIDER);
    }

    @AfterAll
    static void stop() {
        named.close();
    }

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int status = Main.commandLine().execute(args);
            return new Run(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void aDomainMatchedByMx_isRendered_andTheRecordNamed() {
        Run r = run("render", "autoconfig", "bob@second.customers.test", "--providers", providers.toString(),
                "--dns-resolver", named.address());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("imap.second.customers.test");
        assertThat(r.err()).contains("second.customers.test is mxhoster's by its MX record mail.hoster.example (mxhoster.yaml, mx)");
    }

    @Test
    void aDomainNoMxMatches_saysWhy_andExits3() {
        Run r = run("render", "autoconfig", "bob@unmatched.customers.test", "--providers", providers.toString(),
                "--dns-resolver", named.address());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("no provider's mx matches unmatched.customers.test's MX (hosts: [mail.elsewhere.example])");
    }
}
