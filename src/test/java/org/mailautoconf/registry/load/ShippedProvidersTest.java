package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Pop3Options;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The providers.d/ this project ships, tested as shipped (surefire runs in the project root). */
class ShippedProvidersTest {

    static LoadResult result;

    @BeforeAll
    static void load() {
        result = new RegistryLoader().load(Path.of("providers.d"), Optional.empty());
    }

    @Test
    void isValid() {
        assertThat(result.errors()).as(ProblemAssert.listed(result)).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void warnsOnlyAboutHalnet_missingCaAndAskUserSmtpLogins() {
        assertThat(result.problems()).filteredOn(p -> p.severity() == Problem.Severity.WARNING)
                .extracting(p -> Path.of(p.location().file()).getFileName() + " " + p.field() + " " + p.code())
                .as(ProblemAssert.listed(result))
                .containsExactlyInAnyOrder(
                        "halnet.yaml caCertificate.file ca-file-missing",
                        "halnet.yaml outgoing[0].login ask-user-login",
                        "halnet.yaml outgoing[1].login ask-user-login");
        assertThatProblem(result, "ca-file-missing").isWarning().at("halnet.yaml", 53, 9)
                .says("download it from http://www.hln.it/file/cacert.crt");
    }

    @Test
    void everyAssumptionIsANote() {
        assertThat(result.problems()).filteredOn(p -> p.severity() == Problem.Severity.NOTE)
                .extracting(p -> Path.of(p.location().file()).getFileName() + " " + p.field())
                .containsExactlyInAnyOrder(
                        "halnet.yaml incoming[0].port", "halnet.yaml incoming[1]", "halnet.yaml incoming[0].login",
                        "polito.yaml activeSync.url",
                        "tim-trust-pec.yaml domains[4]",
                        "unimi.yaml incoming[0].hostname", "unimi.yaml incoming[0].login", "unimi.yaml outgoing[0].port");
    }

    @Test
    void servesEveryShippedDomain_andNoProfile() {
        Registry registry = result.registry().orElseThrow();

        assertThat(registry.providers()).extracting(Provider::id)
                .containsExactlyInAnyOrder("halnet", "polito", "tim-trust-pec", "unimi");
        assertThat(registry.domainCount()).isEqualTo(8);
        assertThat(lookup(registry, "hln.it")).isEqualTo("halnet");
        assertThat(lookup(registry, "POLITO.IT.")).isEqualTo("polito");
        assertThat(lookup(registry, "unimi.it")).isEqualTo("unimi");
        for (String tim : new String[] {"timpec.it", "pec.timpec.it", "pec.telecomitalia.it", "telecompost.it", "pectim.it"}) {
            assertThat(lookup(registry, tim)).as(tim).isEqualTo("tim-trust-pec");
        }
        assertThat(registry.providerFor(DomainName.parse("studenti.polito.it"))).isEmpty();
        assertThat(registry.defaultProvider()).isEmpty();
    }

    @Test
    void timTrustPec_takesPortsAndPop3OptionsFromThePecProfile() {
        Provider tim = result.registry().orElseThrow().provider("tim-trust-pec").orElseThrow();

        assertThat(tim.incoming()).extracting(IncomingServer::protocol, IncomingServer::hostname, IncomingServer::port)
                .containsExactly(
                        tuple(IncomingProtocol.IMAP, "imap.pectim.it", 993),
                        tuple(IncomingProtocol.POP3, "pop3s.pectim.it", 995));
        assertThat(tim.incoming().get(1).pop3()).map(Pop3Options::leaveMessagesOnServer).contains(Optional.of(true));
        assertThat(tim.incoming().get(0).login()).isEqualTo(new LoginTemplate.Derived("%EMAILADDRESS%*%EMAILLOCALPART%"));
        assertThat(tim.outgoing()).hasSize(4).allSatisfy(s -> assertThat(s.port()).isEqualTo(465));
        assertThat(tim.shortName()).isEqualTo("TIM PEC");
    }

    @Test
    void halnet_hasNoCertificateUntilTheAdminPutsItThere() {
        Provider halnet = result.registry().orElseThrow().provider("halnet").orElseThrow();

        assertThat(halnet.caCertificate().orElseThrow().certificate()).isEmpty();
        assertThat(halnet.outgoing()).allSatisfy(s -> assertThat(s.login()).isInstanceOf(LoginTemplate.AskUser.class));
    }

    private static String lookup(Registry registry, String domain) {
        return registry.providerFor(DomainName.parse(domain)).map(m -> m.provider().id()).orElse("(none)");
    }
}
