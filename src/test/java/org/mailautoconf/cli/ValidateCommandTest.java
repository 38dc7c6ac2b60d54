package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailautoconf validate [DIR]}: one line per problem, exit 0 when valid, 1 when not. */
class ValidateCommandTest {

    /** {@code file:line:col: severity: [field: ]message [code]}, the form compilers and editors understand. */
    private static final String PROBLEM_LINE = "^.+\\.ya?ml:\\d+:\\d+: (error|warning|note): .+ \\[[a-z0-9-]+\\]$";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validDirectory_exitsZero() throws IOException {
        write("acme.yaml", provider("acme", "security: tls"));

        int status = validate(dir.toString());

        assertThat(status).isZero();
        assertThat(lines()).containsExactly(dir + ": valid, registry " + versionIn(lines().get(0))
                + ": 1 providers, 1 domains; 0 warnings, 0 assumptions to confirm");
    }

    @Test
    void invalidDirectory_exitsOne_withOneCompilerStyleLinePerError() throws IOException {
        write("acme.yaml", provider("acme", "security: ssl"));

        int status = validate(dir.toString());

        assertThat(status).isEqualTo(1);
        assertThat(lines()).containsExactly(
                dir.resolve("acme.yaml") + ":8:15: error: incoming[0].security: security is tls, starttls or none,"
                        + " was 'ssl'; for TLS from the first byte (993, 995, 465) write tls [bad-value]",
                dir + ": invalid: 1 error, 0 warnings");
    }

    @Test
    void everyProblemLine_hasTheCompilerForm() throws IOException {
        write("a.yaml", "id: a\nname: [unclosed\n");
        write("b.yaml", "id: b\nname: B\nhostname: x\n");
        write("c.yaml", provider("c", "security: none"));
        write("d.yaml", provider("d", "security: tls").replace("port: 993", "port: 70000"));

        int status = validate(dir.toString());

        assertThat(status).isEqualTo(1);
        List<String> problems = lines().subList(0, lines().size() - 1);
        assertThat(problems).hasSizeGreaterThan(5).allSatisfy(line -> assertThat(line).matches(PROBLEM_LINE));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(dir.resolve("d.yaml") + ":7:11: error: incoming[0].port: "));
        assertThat(problems).anySatisfy(line -> assertThat(line).startsWith(dir.resolve("a.yaml") + ":3:1: error: not valid YAML: "));
    }

    @Test
    void warningsOnly_exitZero_butOneWithStrict() throws IOException {
        write("acme.yaml", provider("acme", "security: none"));

        assertThat(validate(dir.toString())).isZero();
        assertThat(lines()).first().asString().matches(PROBLEM_LINE)
                .contains(": warning: incoming[0].security: Thunderbird for Android rejects").endsWith("[tb-android-plain]");
        assertThat(lines()).last().asString().contains(": valid, registry ").endsWith("1 warnings, 0 assumptions to confirm");

        out.getBuffer().setLength(0);
        assertThat(validate("--strict", dir.toString())).isEqualTo(1);
    }

    @Test
    void notesDoNotFailStrict() throws IOException {
        write("acme.yaml", provider("acme", "security: tls") + """
                assumptions:
                  - field: incoming[0].port
                    note: Assumed.
                """);

        assertThat(validate("--strict", dir.toString())).isZero();
        assertThat(lines()).first().asString().contains(":15:12: note: incoming[0].port: assumed value to confirm");
    }

    @Test
    void unknownDefaultProvider_exitsOne() throws IOException {
        write("acme.yaml", provider("acme", "security: tls"));

        assertThat(validate("--default-provider", "acmee", dir.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("the default provider 'acmee' is not a provider in " + dir);
        out.getBuffer().setLength(0);
        assertThat(validate("--default-provider", "acme", dir.toString())).isZero();
    }

    @Test
    void missingDirectory_exitsOne_sayingSoInWords() {
        assertThat(validate(dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(lines()).containsExactly(dir.resolve("nope") + ": no such directory or file: give the provider directory"
                + " (such as providers.d) or one provider file");
        assertThat(out.toString()).doesNotContain("Exception");
    }

    @Test
    void providersOption_isTheDirectory_asTheDocsSay() throws IOException {
        write("acme.yaml", provider("acme", "security: ssl"));

        assertThat(validate("-p", dir.toString())).isEqualTo(1);
        assertThat(lines()).last().asString().isEqualTo(dir + ": invalid: 1 error, 0 warnings");
        out.getBuffer().setLength(0);
        assertThat(validate("--providers", dir.toString())).isEqualTo(1);
    }

    @Test
    void oneFile_isCheckedAmongItsSiblings_andOnlyItsProblemsShown() throws IOException {
        write("acme.yaml", provider("acme", "security: none"));
        write("broken.yaml", provider("broken", "security: ssl"));
        write("child.yaml", """
                id: child
                extends: acme
                name: Child
                domains: [child.example]
                """);

        assertThat(validate(dir.resolve("acme.yaml").toString())).isZero();
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).startsWith(dir.resolve("acme.yaml") + ":5:5: warning: ").endsWith("[tb-android-plain]");
        assertThat(lines().get(1)).isEqualTo(dir.resolve("acme.yaml") + ": valid; 1 warnings, 0 assumptions to confirm");

        out.getBuffer().setLength(0);
        assertThat(validate(dir.resolve("child.yaml").toString())).as("extends acme, a sibling").isZero();

        out.getBuffer().setLength(0);
        assertThat(validate(dir.resolve("broken.yaml").toString())).isEqualTo(1);
        assertThat(lines()).last().asString().isEqualTo(dir.resolve("broken.yaml") + ": invalid: 1 error, 0 warnings");
    }

    @Test
    void aFileThatIsNoProviderFile_isSaidSo() throws IOException {
        write("notes.txt", "hello");

        assertThat(validate(dir.resolve("notes.txt").toString())).isEqualTo(1);
        assertThat(lines()).containsExactly(dir.resolve("notes.txt") + ": not a provider file: provider files are named *.yaml or *.yml");
    }

    @Test
    void shippedProviders_areValidWithTheirKnownWarnings() {
        assertThat(validate("providers.d")).isZero();
        assertThat(lines()).last().asString().startsWith("providers.d: valid, registry ")
                .endsWith(": 4 providers, 8 domains; 3 warnings, 8 assumptions to confirm");
        assertThat(validate("--strict", "providers.d")).as("halnet's warnings fail --strict").isEqualTo(1);
    }

    /** A directories file with one LDAP source, {@code customers}. */
    private Path directoriesFile(String extra) throws IOException {
        Path file = Files.createDirectories(dir.resolve("conf")).resolve("directories.yaml");
        Files.writeString(file, """
                sources:
                  customers:
                    type: ldap
                    url: ldap://127.0.0.1:3389
                    baseDn: ou=customers,dc=example
                    filter: (mail={address})
                    attributes: {outgoingLogin: uid}
                """ + extra);
        return file;
    }

    private static final String DIRECTORY_USE = "directory:\n  source: %s\n  supplies: [outgoingLogin]\n";

    @Test
    void directorySourceNotInTheDirectoriesFile_isAnError_atTheSourcesLineAndColumn() throws IOException {
        write("acme.yaml", provider("acme", "security: tls") + DIRECTORY_USE.formatted("custmers"));
        Path file = directoriesFile("");

        int status = validate(dir.toString(), "--directories", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(lines()).containsExactly(
                dir.resolve("acme.yaml") + ":15:11: error: directory.source: 'custmers' is not a source of " + file
                        + " (its sources are customers); serve would answer acme from its templates alone [unknown-directory-source]",
                dir + ": invalid: 1 error, 0 warnings");
        assertThat(lines().get(0)).matches(PROBLEM_LINE);
    }

    @Test
    void directorySourceInTheDirectoriesFile_isValid_andWithoutTheFileNotChecked() throws IOException {
        write("acme.yaml", provider("acme", "security: tls") + DIRECTORY_USE.formatted("customers"));
        assertThat(validate(dir.toString(), "--directories", directoriesFile("").toString())).isZero();
        write("acme.yaml", provider("acme", "security: tls") + DIRECTORY_USE.formatted("custmers"));
        assertThat(validate(dir.toString())).as("no --directories: serve's file is not known here").isZero();
    }

    @Test
    void brokenDirectoriesFile_exitsOne_namingItsField() throws IOException {
        write("acme.yaml", provider("acme", "security: tls") + DIRECTORY_USE.formatted("customers"));
        Path file = directoriesFile("timeoutMillis: soon\n");

        assertThat(validate(dir.toString(), "--directories", file.toString())).isEqualTo(1);
        assertThat(lines()).containsExactly(file + ": timeoutMillis is a whole number from 1 to 60000",
                file + ": invalid directories file: the providers' directory sources were not checked");
    }

    private int validate(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "validate";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(all);
        assertThat(err.toString()).as("nothing on stderr").isEmpty();
        return status;
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    private static String versionIn(String summary) {
        return summary.replaceFirst("^.*: valid, registry ([0-9a-f]{16}): .*$", "$1");
    }

    private void write(String name, String yaml) throws IOException {
        Files.writeString(dir.resolve(name), yaml);
    }

    /** A provider whose IMAP server has the given security line (line 8). */
    private static String provider(String id, String securityLine) {
        return """
                id: %s
                name: Provider %s
                domains: [%s.example]
                incoming:
                  - type: imap
                    hostname: imap.%s.example
                    port: 993
                    %s
                outgoing:
                  - type: smtp
                    hostname: smtp.%s.example
                    port: 465
                    security: tls
                """.formatted(id, id, id, id, securityLine, id);
    }
}
