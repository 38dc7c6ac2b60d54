package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.directory.Slapd;

/** render --directories prints the directory-backed answer and, on standard error, where each value came from. */
class RenderDirectoryTest {

    @TempDir
    static Path dir;
    static Slapd slapd;
    static Path providers;
    static Path directories;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.halnet(Files.createDirectories(dir.resolve("ldap")));
        providers = Slapd.halnetProviders(dir.resolve("providers"));
        directories = Slapd.customersFile(dir.resolve("conf"), slapd.port, "uid", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void autoconfig_showsTheDirectoryLoginAndWhereEachValueCameFrom() {
        CliRun run = CliRun.run("render", "autoconfig", "iuriturchi@hln.it", "--providers", providers.toString(),
                "--directories", directories.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outText()).contains("<username>hn-000417</username>");
        assertThat(run.err()).contains("directory customers: found", "outgoing[0].login: directory customers",
                "incoming[0].login: the provider file's template").doesNotContain("hn-000417").doesNotContain(Slapd.SERVICE_PASSWORD);
    }

    @Test
    void autodiscover_withoutDirectories_saysTheTemplatesAnswer() {
        CliRun run = CliRun.run("render", "autodiscover", "iuriturchi@hln.it", "--providers", providers.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outText()).contains("<LoginName>TYPE-YOUR-LOGIN-HERE</LoginName>");
        assertThat(run.err()).contains("names directory customers; without --directories every value comes from the provider file's templates");
    }

    @Test
    void mobileconfig_showsTheDirectoryLoginAndWhereEachValueCameFrom() {
        CliRun run = CliRun.run("render", "mobileconfig", "iuriturchi@hln.it", "--providers", providers.toString(),
                "--directories", directories.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outText()).contains("<string>hn-000417</string>");
        assertThat(run.err()).contains("directory customers: found", "outgoing[0].login: directory customers")
                .doesNotContain("hn-000417");
    }
}
