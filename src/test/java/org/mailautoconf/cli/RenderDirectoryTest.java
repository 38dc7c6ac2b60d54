package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.directory.Slapd;
import org.mailautoconf.testing.Registries;

/** render --directories prints the directory-backed answer and, on standard error, where each value came from. */
class RenderDirectoryTest {

    @TempDir
    static Path dir;
    static Slapd slapd;
    static Path providers;
    static Path directories;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.start(Files.createDirectories(dir.resolve("ldap")), Slapd.entries(List.of(
                "dn: " + Slapd.SUFFIX + "\nobjectClass: dcObject\nobjectClass: organization\ndc: uni\no: Halnet",
                "dn: ou=people," + Slapd.SUFFIX + "\nobjectClass: organizationalUnit\nou: people",
                "dn: ou=services," + Slapd.SUFFIX + "\nobjectClass: organizationalUnit\nou: services",
                "dn: " + Slapd.SERVICE_DN + "\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n"
                        + "cn: mailautoconf\nuserPassword: " + Slapd.SERVICE_PASSWORD,
                "dn: uid=hn-000417,ou=people," + Slapd.SUFFIX + "\nobjectClass: inetOrgPerson\nuid: hn-000417\n"
                        + "cn: Iuri Turchi\nsn: Turchi\nmail: iuriturchi@hln.it")));
        providers = Registries.copyShipped(dir.resolve("providers"));
        Path halnet = providers.resolve("halnet.yaml");
        Files.writeString(halnet, Files.readString(halnet) + "\ndirectory:\n  source: customers\n  supplies: [outgoingLogin]\n");
        Files.writeString(dir.resolve("bind.secret"), Slapd.SERVICE_PASSWORD);
        directories = dir.resolve("directories.yaml");
        Files.writeString(directories, """
                sources:
                  customers:
                    type: ldap
                    url: ldap://127.0.0.1:%d
                    bindDn: %s
                    passwordFile: bind.secret
                    baseDn: ou=people,%s
                    filter: (mail={address})
                    attributes: {outgoingLogin: uid}
                """.formatted(slapd.port, Slapd.SERVICE_DN, Slapd.SUFFIX));
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
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
    void autoconfig_showsTheDirectoryLoginAndWhereEachValueCameFrom() {
        Run run = run("render", "autoconfig", "iuriturchi@hln.it", "--providers", providers.toString(),
                "--directories", directories.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("<username>hn-000417</username>");
        assertThat(run.err()).contains("directory customers: found", "outgoing[0].login: directory customers",
                "incoming[0].login: the provider file's template").doesNotContain("hn-000417").doesNotContain(Slapd.SERVICE_PASSWORD);
    }

    @Test
    void autodiscover_withoutDirectories_saysTheTemplatesAnswer() {
        Run run = run("render", "autodiscover", "iuriturchi@hln.it", "--providers", providers.toString());
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("<LoginName>TYPE-YOUR-LOGIN-HERE</LoginName>");
        assertThat(run.err()).contains("names directory customers; without --directories every value comes from the provider file's templates");
    }
}
