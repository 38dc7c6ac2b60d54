package org.mailautoconf.registry.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;
import static org.mailautoconf.registry.load.ProviderDir.provider;

import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files and the directory: YAML itself, ids, domain claims, extends, the default provider, the version. */
class DirectoryValidationTest {

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void validDirectory_loadsEveryProvider() {
        var result = dir.file("acme.yaml", provider("acme", "acme.example"))
                .file("beta.yml", provider("beta", "beta.example"))
                .file("notes.txt", "not a provider file")
                .file(".hidden.yaml", "not: [even yaml")
                .load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        Registry registry = result.registry().orElseThrow();
        assertThat(registry.providers()).extracting(p -> p.id()).containsExactly("acme", "beta");
        assertThat(registry.providerFor(DomainName.parse("beta.example"))).map(m -> m.provider().source())
                .contains(dir.path("beta.yml"));
    }

    @Test
    void yamlSyntax_namesTheLineAndColumnOnOneLine() {
        var result = dir.file("broken.yaml", """
                id: broken
                name: Acme
                  domains: [acme.example]
                """).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "yaml-indentation").isError().at("broken.yaml", 3, 3).hasField("")
                .says("bad indentation: line 3 is indented more than the key on line 2");
        assertThat(result.problems().get(0).toString()).doesNotContain("\n");
    }

    @Test
    void yamlSyntax_unclosedQuoteSaysWhereItOpened() {
        var result = dir.file("broken.yaml", """
                id: broken
                name: "Acme
                domains: [acme.example]
                """).load();

        assertThatProblem(result, "yaml-syntax").isError().at("broken.yaml", 4, 1)
                .says("found unexpected end of stream (while scanning a quoted scalar at line 2, column 7)");
        assertThat(result.problems().get(0).message()).doesNotContain("\n");
    }

    @Test
    void emptyFile_andAFileOfOnlyComments() {
        var result = dir.file("empty.yaml", "").file("comments.yaml", "# nothing here yet\n").load();

        assertThat(result.problems()).extracting(p -> p.code()).containsExactly("empty-file", "empty-file");
        assertThat(result.problems()).extracting(p -> p.location().toString())
                .containsExactly(dir.path("comments.yaml") + ":1:1", dir.path("empty.yaml") + ":1:1");
        assertThat(result.problems().get(0).message()).contains("the file is empty");
    }

    @Test
    void notUtf8_isRejectedNotGuessed() {
        var result = dir.bytes("latin1.yaml", provider("latin", "città.example").getBytes(ISO_8859_1)).load();

        assertThatProblem(result, "not-utf8").isError().at("latin1.yaml", 1, 1).hasField("").says("not UTF-8 text");
    }

    @Test
    void duplicateKey_namesTheWholeFieldPath() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                    port: 143
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                name: Acme again
                """).load();

        assertThatProblem(result, "duplicate-key", "incoming[0].port").isError().at("acme.yaml", 9, 5)
                .says("'port' is written twice in the same map; keep one");
        assertThatProblem(result, "duplicate-key", "name").isError().at("acme.yaml", 15, 1);
    }

    @Test
    void aListInsteadOfAMap_isRejected() {
        var result = dir.file("list.yaml", """
                - id: acme
                  name: Acme
                """).load();

        assertThatProblem(result, "wrong-type").isError().at("list.yaml", 1, 1).hasField("")
                .says("a provider file is a map of fields (id:, name:, domains:, ...), not a list");
    }

    @Test
    void secondYamlDocument_isAnErrorNotIgnored() {
        var result = dir.file("two.yaml", provider("acme", "acme.example") + """
                ---
                id: beta
                name: Beta
                """).load();

        assertThatProblem(result, "several-documents").isError().at("two.yaml", 15, 1).hasField("")
                .says("a second YAML document (after '---') starts here");
    }

    @Test
    void documentMarkers_aroundTheOneDocumentAreFine() {
        var result = dir.file("acme.yaml", "---\n" + provider("acme", "acme.example") + "---\n").load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
    }

    @Test
    void duplicateDomain_acrossTwoFiles_namesTheSecondLineAndTheFirstFile() {
        var result = dir.file("a.yaml", provider("acme", "acme.example"))
                .file("b.yaml", """
                        id: beta
                        name: Beta
                        domains: [beta.example, ACME.Example.]
                        incoming:
                          - type: imap
                            hostname: imap.beta.example
                            port: 993
                            security: tls
                        outgoing:
                          - type: smtp
                            hostname: smtp.beta.example
                            port: 465
                            security: tls
                        """)
                .load();

        assertThatProblem(result, "duplicate-domain").isError().at("b.yaml", 3, 25).hasField("domains")
                .says("acme.example is already claimed by " + dir.path("a.yaml"));
    }

    @Test
    void duplicateDomain_unicodeAndPunycodeAreOneDomain() {
        var result = dir.file("a.yaml", provider("comune", "Città.it"))
                .file("b.yaml", provider("other", "xn--citt-3na.it"))
                .load();

        assertThatProblem(result, "duplicate-domain").isError().at("b.yaml", 3, 11)
                .says("xn--citt-3na.it is already claimed by " + dir.path("a.yaml"));
    }

    @Test
    void duplicateDomain_sameWildcardTwice_butAWildcardAndItsApexAreTwoClaims() {
        var result = dir.file("a.yaml", provider("acme", "\"*.acme.example\""))
                .file("b.yaml", provider("apex", "acme.example"))
                .file("c.yaml", provider("other", "\"*.ACME.example\""))
                .load();

        assertThatProblem(result, "duplicate-domain").isError().at("c.yaml", 3, 11)
                .says("*.acme.example is already claimed by " + dir.path("a.yaml"));
    }

    @Test
    void duplicateId_namesTheFirstFile() {
        var result = dir.file("a.yaml", provider("acme", "acme.example"))
                .file("b.yaml", provider("acme", "beta.example"))
                .load();

        assertThatProblem(result, "duplicate-id").isError().at("b.yaml", 1, 5).hasField("id")
                .says("the id 'acme' is already used by " + dir.path("a.yaml"));
    }

    @Test
    void extends_unknownIdSuggestsTheClosest() {
        var result = dir.file("pec.yaml", """
                id: pec-generic
                profile: true
                """)
                .file("tim.yaml", """
                        id: tim
                        extends: pec-generc
                        """)
                .load();

        assertThatProblem(result, "unknown-extends").isError().at("tim.yaml", 2, 10).hasField("extends")
                .says("extends 'pec-generc', but no file in this directory has that id; did you mean 'pec-generic'?");
    }

    @Test
    void extends_loopThroughTwoFiles_isReportedInEach() {
        var result = dir.file("a.yaml", """
                id: a
                extends: b
                profile: true
                """)
                .file("b.yaml", """
                        id: b
                        profile: true
                        extends: a
                        """)
                .load();

        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).as(ProblemAssert.listed(result)).hasSize(2);
        assertThat(result.problems()).extracting(Problem::toString).containsExactly(
                dir.path("a.yaml") + ":2:10: error: extends: extends goes round in a loop: a → b → a [extends-loop]",
                dir.path("b.yaml") + ":3:10: error: extends: extends goes round in a loop: b → a → b [extends-loop]");
    }

    @Test
    void extends_itself() {
        var result = dir.file("a.yaml", """
                id: a
                extends: a
                """).load();

        assertThatProblem(result, "extends-loop").isError().at("a.yaml", 2, 10).hasField("extends").says("a → a");
    }

    @Test
    void defaultProvider_offByDefault() {
        var result = dir.file("acme.yaml", provider("acme", "acme.example")).load();

        Registry registry = result.registry().orElseThrow();
        assertThat(registry.defaultProvider()).isEmpty();
        assertThat(registry.providerFor(DomainName.parse("elsewhere.example"))).isEmpty();
    }

    @Test
    void defaultProvider_answersForUnlistedDomains() {
        var result = dir.file("acme.yaml", provider("acme", "acme.example"))
                .file("hoster.yaml", provider("hoster", "hoster.example"))
                .load("hoster");

        Registry registry = result.registry().orElseThrow();
        assertThat(registry.providerFor(DomainName.parse("elsewhere.example")))
                .map(m -> m.provider().id() + " " + m.kind()).contains("hoster DEFAULT");
        assertThat(registry.providerFor(DomainName.parse("acme.example")))
                .map(m -> m.provider().id() + " " + m.kind()).contains("acme EXACT");
    }

    @Test
    void defaultProvider_unknownOrAProfileIsAnError() {
        dir.file("acme.yaml", provider("acme", "acme.example")).file("pec.yaml", """
                id: pec
                profile: true
                """);

        for (String id : new String[] {"acmee", "pec"}) {
            var result = dir.load(id);
            assertThat(result.ok()).isFalse();
            assertThatProblem(result, "unknown-default-provider").isError().hasField("")
                    .says("the default provider '" + id + "' is not a provider in " + tmp);
            assertThat(result.problems().get(0).location()).isEqualTo(new Location(tmp.toString(), 1, 1));
        }
    }

    @Test
    void missingDirectory_isAnErrorNotAnException() {
        var result = new RegistryLoader().load(tmp.resolve("nope"), Optional.empty());

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "unreadable").isError().says("the provider directory " + tmp.resolve("nope") + " does not exist");
        assertThat(result.problems().get(0).message()).doesNotContain("Exception");
    }

    @Test
    void version_staysWhileNothingChanges_andChangesWithAnyFile() {
        dir.file("acme.yaml", provider("acme", "acme.example"));
        String first = version();

        assertThat(version()).isEqualTo(first);
        dir.file("acme.yaml", provider("acme", "acme.example"));
        assertThat(version()).as("same bytes written again").isEqualTo(first);

        dir.file("acme.yaml", provider("acme", "acme.example") + "# a comment is a change too\n");
        String second = version();
        assertThat(second).isNotEqualTo(first);

        dir.file("beta.yaml", provider("beta", "beta.example"));
        assertThat(version()).isNotEqualTo(second).isNotEqualTo(first);
    }

    @Test
    void version_dependsOnTheFileName() {
        dir.file("acme.yaml", provider("acme", "acme.example"));
        String before = version();
        assertThat(dir.path("acme.yaml").toFile().renameTo(dir.path("acme-mail.yaml").toFile())).isTrue();

        assertThat(version()).isNotEqualTo(before);
    }

    private String version() {
        var result = dir.load();
        return result.registry().orElseThrow(() -> new AssertionError(ProblemAssert.listed(result))).version();
    }
}
