package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;

/**
 * Provider domains and host names whose IDNA 2003 and IDNA 2008 forms differ are flagged where
 * they are written; host names are served in the IDNA 2008 form the asked domain has.
 */
class IdnaDeviationTest {

    private final ProviderDir dir;

    IdnaDeviationTest(@TempDir Path tmp) {
        dir = new ProviderDir(tmp);
    }

    @Test
    void domainWithSharpS_isFlaggedAtItsLineAndServedAsIdna2008() {
        var result = dir.file("fass.yaml", """
                id: fass
                name: Faß
                domains:
                  - città.it
                  - faß.de
                incoming:
                  - type: imap
                    hostname: imap.xn--fa-hia.de
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.faß.de
                    port: 465
                    security: tls
                """).load();

        assertThat(result.ok()).as(ProblemAssert.listed(result)).isTrue();
        assertThatProblem(result, "idna-deviation", "domains[1]").isWarning().at("fass.yaml", 5, 5)
                .says("xn--fa-hia.de in IDNA 2008").says("fass.de in IDNA 2003");
        assertThatProblem(result, "idna-deviation", "incoming[0].hostname").isWarning().at("fass.yaml", 8, 15);
        assertThatProblem(result, "idna-deviation", "outgoing[0].hostname").isWarning().at("fass.yaml", 13, 15);
        assertThat(result.problems()).filteredOn(p -> p.field().equals("domains[0]")).isEmpty();

        var registry = result.registry().orElseThrow();
        assertThat(registry.providerFor(DomainName.parse("fass.de"))).isEmpty();
        var provider = registry.providerFor(EmailAddress.parse("u@faß.de").domain()).orElseThrow().provider();
        assertThat(provider.outgoing().get(0).hostname()).isEqualTo("smtp.xn--fa-hia.de");
        assertThat(provider.incoming()).extracting(IncomingServer::hostname).containsExactly("imap.xn--fa-hia.de");
    }

    @Test
    void finalSigmaAndJoiners_areFlagged_plainNamesAreNot() {
        assertThat(IdnaDeviation.idna2003(DomainName.parse("βόλος.gr"))).contains("xn--nxasmq6b.gr");
        assertThat(IdnaDeviation.idna2003(DomainName.parse("ශ්\u200Dරී.lk"))).contains("xn--10cl1a0b.lk");
        assertThat(IdnaDeviation.idna2003(DomainName.parse("نامه\u200Cای.ir"))).contains("xn--mgba3gch31f.ir");
        assertThat(IdnaDeviation.idna2003(DomainName.parse("città.it"))).isEmpty();
        assertThat(IdnaDeviation.idna2003(DomainName.parse("fass.de"))).isEmpty();
        assertThat(IdnaDeviation.idna2003(DomainName.parse("Straße.example"))).contains("strasse.example");
    }
}
