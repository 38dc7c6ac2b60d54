package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;

/** The {@code mx:} field: host names and {@code *.} patterns, each mistake at its line and column. */
class MxFieldTest {

    private static final String SERVERS = """
            incoming:
              - {type: imap, hostname: imap.%EMAILDOMAIN%, port: 993, security: tls}
            outgoing:
              - {type: smtp, hostname: smtp.hoster.example, port: 465, security: tls}
            """;

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void mxWithoutDomains_loads_andMatchesExactThenWildcard() {
        var result = dir.file("hoster.yaml", "id: hoster\nname: Hoster\nmx: [\"*.mx.hoster.example\", mail.hoster.example.]\n" + SERVERS)
                .file("other.yaml", "id: other\nname: Other\nmx: [\"*.hoster.example\"]\n" + SERVERS).load();

        assertThat(result.ok()).as(ProblemAssert.listed(result)).isTrue();
        Registry r = result.registry().orElseThrow();
        assertThat(r.matchesMx()).isTrue();
        assertThat(r.providerForMx(DomainName.parse("mx7.mx.hoster.example")).orElseThrow().id()).isEqualTo("hoster");
        assertThat(r.providerForMx(DomainName.parse("mail.hoster.example")).orElseThrow().id()).isEqualTo("hoster");
        assertThat(r.providerForMx(DomainName.parse("smtp.hoster.example")).orElseThrow().id()).as("the longest pattern above").isEqualTo("other");
        assertThat(r.providerForMx(DomainName.parse("mx.hoster.example")).orElseThrow().id()).isEqualTo("other");
        assertThat(r.providerForMx(DomainName.parse("mail.elsewhere.example"))).isEmpty();
    }

    @Test
    void badNames_aStarInside_twiceListed_emptyList_eachAProblemWithItsPlace() {
        var result = dir.file("hoster.yaml", """
                id: hoster
                name: Hoster
                domains: [hoster.example]
                mx:
                  - "mx.*.hoster.example"
                  - "bad_name..example"
                  - mx1.hoster.example
                  - mx1.hoster.example
                  - "*.example"
                """ + SERVERS).file("empty.yaml", "id: empty\nname: Empty\nmx: []\n" + SERVERS).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "bad-mx", "mx[0]").isError().at("hoster.yaml", 5, 5).says("'*' stands only at the start");
        assertThatProblem(result, "bad-mx", "mx[1]").isError().at("hoster.yaml", 6, 5).says("is not a mail server's host name");
        assertThatProblem(result, "duplicate-mx", "mx[3]").isError().at("hoster.yaml", 8, 5).says("listed twice");
        assertThatProblem(result, "bad-mx", "mx[4]").isError().at("hoster.yaml", 9, 5).says("top-level domain");
        assertThatProblem(result, "empty-value", "mx").isError().at("empty.yaml", 3, 5);
    }

    @Test
    void neitherDomainsNorMx_isStillAProblem() {
        var result = dir.file("none.yaml", "id: none\nname: None\n" + SERVERS).load();

        assertThatProblem(result, "missing-field", "domains").isError().says("or its mail servers in mx");
    }
}
