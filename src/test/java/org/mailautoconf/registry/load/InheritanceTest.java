package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Pop3Options;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.Security;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extends}: a provider file takes a shared profile's fields and overrides some. */
class InheritanceTest {

    /** Like the shipped pec-generic.yaml: ports and security for every PEC operator, no host names. */
    private static final String PEC_PROFILE = """
            id: pec
            profile: true
            name: Posta Elettronica Certificata
            shortName: PEC
            domains: [profile-only.example]
            incoming:
              - type: imap
                port: 993
                security: tls
                authentication: [password-cleartext, password-encrypted]
              - type: pop3
                port: 995
                security: tls
                pop3:
                  leaveMessagesOnServer: true
            outgoing:
              - type: smtp
                port: 465
                security: tls
            enable:
              url: https://pec.example/secondary-password
              instructions:
                it: Generare la password secondaria.
                en: Generate the secondary password.
            """;

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp).file("pec.yaml", PEC_PROFILE);
    }

    @Test
    void child_overridesByPositionAddsAServerAndKeepsTheProfilesOptions() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                    login: "%EMAILADDRESS%*%EMAILLOCALPART%"
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                  - type: smtp
                    hostname: smtps.pectim.example
                    port: 465
                    security: tls
                    addThisServer: false
                """).load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        Provider tim = result.registry().orElseThrow().provider("tim").orElseThrow();
        assertThat(tim.name()).isEqualTo("TIM PEC");
        // A child that sets its own name gets its own short name, not the profile's "PEC".
        assertThat(tim.shortName()).isEqualTo("TIM PEC");
        assertThat(tim.source()).isEqualTo(dir.path("tim.yaml"));

        IncomingServer imap = tim.incoming().get(0);
        assertThat(imap.protocol()).isEqualTo(IncomingProtocol.IMAP);
        assertThat(imap.hostname()).isEqualTo("imap.pectim.example");
        assertThat(imap.port()).isEqualTo(993);
        assertThat(imap.security()).isEqualTo(Security.TLS);
        assertThat(imap.authentication()).containsExactly(
                Authentication.of(AuthMethod.PASSWORD_CLEARTEXT), Authentication.of(AuthMethod.PASSWORD_ENCRYPTED));
        assertThat(imap.login()).isEqualTo(new LoginTemplate.Derived("%EMAILADDRESS%*%EMAILLOCALPART%"));

        IncomingServer pop3 = tim.incoming().get(1);
        assertThat(pop3.protocol()).isEqualTo(IncomingProtocol.POP3);
        assertThat(pop3.hostname()).isEqualTo("pop3s.pectim.example");
        assertThat(pop3.port()).isEqualTo(995);
        assertThat(pop3.login()).isEqualTo(LoginTemplate.Derived.EMAIL_ADDRESS);
        assertThat(pop3.pop3()).map(Pop3Options::leaveMessagesOnServer).contains(Optional.of(true));

        assertThat(tim.outgoing()).extracting(OutgoingServer::hostname, OutgoingServer::port, OutgoingServer::addThisServer)
                .containsExactly(tuple("smtp.pectim.example", 465, true),
                        tuple("smtps.pectim.example", 465, false));
    }

    @Test
    void domains_areNotInheritedAndAProfileClaimsNone() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                """)
                .file("other.yaml", ProviderDir.provider("other", "profile-only.example"))
                .load();

        assertThat(result.errors()).as(ProblemAssert.listed(result)).isEmpty();
        Registry registry = result.registry().orElseThrow();
        assertThat(registry.provider("tim").orElseThrow().domains())
                .containsExactly(new DomainPattern(DomainName.parse("timpec.example"), false));
        assertThat(registry.providerFor(DomainName.parse("profile-only.example"))).map(m -> m.provider().id()).contains("other");
        assertThat(registry.provider("pec")).as("a profile is no provider").isEmpty();
        assertThat(registry.providers()).extracting(Provider::id).containsExactlyInAnyOrder("tim", "other");
    }

    @Test
    void domains_aChildWithoutItsOwnIsMissingThem() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                incoming:
                  - hostname: imap.pectim.example
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                """).load();

        assertThatProblem(result, "missing-field", "domains").isError().at("tim.yaml", 1, 1).says("'domains' is required");
    }

    @Test
    void profile_mayLeaveRequiredFieldsOpen() {
        var result = dir.load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        assertThat(result.registry().orElseThrow().providers()).isEmpty();
    }

    @Test
    void profile_aChildStillNeedsWhatTheProfileLeftOpen() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                outgoing:
                  - port: 587
                    security: starttls
                """).load();

        assertThatProblem(result, "missing-field", "outgoing[0].hostname").isError().at("tim.yaml", 8, 5)
                .says("'hostname' is required");
    }

    @Test
    void profile_errorsAreReportedOnceInTheProfileEvenWithTwoChildren() {
        var result = new ProviderDir(tmp).file("pec.yaml", """
                id: pec
                profile: true
                incoming:
                  - type: imap
                    port: 70000
                    security: tsl
                outgoing:
                  - type: smtp
                    port: 465
                    security: tls
                """)
                .file("a.yaml", child("a"))
                .file("b.yaml", child("b"))
                .load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "out-of-range").isError().at("pec.yaml", 5, 11).hasField("incoming[0].port");
        assertThatProblem(result, "bad-value").isError().at("pec.yaml", 6, 15).hasField("incoming[0].security")
                .says("was 'tsl'");
        assertThat(result.problems()).as(ProblemAssert.listed(result)).hasSize(2);
    }

    @Test
    void maps_mergeFieldByField() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                enable:
                  instructions:
                    en: Generate the secondary password at devicepassword.pectim.example.
                """).load();

        var enable = result.registry().orElseThrow().provider("tim").orElseThrow().enable().orElseThrow();
        assertThat(enable.visitUrl()).hasToString("https://pec.example/secondary-password");
        assertThat(enable.instructions().byLanguage()).containsExactly(
                Map.entry("it", "Generare la password secondaria."),
                Map.entry("en", "Generate the secondary password at devicepassword.pectim.example."));
    }

    @Test
    void lists_insideAServerAreReplacedNotMerged() {
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                    authentication: [OAuth2, password-cleartext]
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                """).load();

        assertThat(result.registry().orElseThrow().provider("tim").orElseThrow().incoming().get(0).authentication())
                .containsExactly(Authentication.of(AuthMethod.OAUTH2), Authentication.of(AuthMethod.PASSWORD_CLEARTEXT));
    }

    @Test
    void serverLists_theChildsLengthDecides() {
        // Item by item: a child that lists one incoming server has one, even where the profile lists two.
        var result = dir.file("tim.yaml", """
                id: tim
                extends: pec
                name: TIM PEC
                domains: [timpec.example]
                incoming:
                  - hostname: imap.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                """).load();

        assertThat(result.registry().orElseThrow().provider("tim").orElseThrow().incoming())
                .extracting(IncomingServer::protocol).containsExactly(IncomingProtocol.IMAP);
    }

    @Test
    void extends_throughTwoProfiles() {
        var result = dir.file("pec-tim.yaml", """
                id: pec-tim
                profile: true
                extends: pec
                incoming:
                  - hostname: imap.pectim.example
                  - hostname: pop3s.pectim.example
                outgoing:
                  - hostname: smtp.pectim.example
                """)
                .file("tim.yaml", """
                        id: tim
                        extends: pec-tim
                        name: TIM PEC
                        domains: [timpec.example]
                        """)
                .load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        Provider tim = result.registry().orElseThrow().provider("tim").orElseThrow();
        assertThat(tim.incoming()).extracting(IncomingServer::hostname, IncomingServer::port)
                .containsExactly(tuple("imap.pectim.example", 993),
                        tuple("pop3s.pectim.example", 995));
        assertThat(tim.outgoing()).extracting(OutgoingServer::hostname).isEqualTo(List.of("smtp.pectim.example"));
    }

    private static String child(String id) {
        return """
                id: %s
                extends: pec
                name: %s
                domains: [%s.example]
                incoming:
                  - hostname: imap.%s.example
                outgoing:
                  - hostname: smtp.%s.example
                """.formatted(id, id, id, id, id);
    }
}
