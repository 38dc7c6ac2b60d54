package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that load but that a client would reject or misread: a warning naming the client, never an error. */
class ClientCompatibilityTest {

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void cleanProvider_hasNoWarnings() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 143
                    security: starttls
                    authentication: [OAuth2, password-cleartext]
                    login: "%EMAILLOCALPART%"
                  - type: pop3
                    hostname: pop.acme.example
                    port: 995
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 587
                    security: starttls
                    authentication: [password-encrypted]
                  - type: smtp
                    hostname: relay.acme.example
                    port: 465
                    security: tls
                    authentication: client-IP-address
                """).load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
    }

    @Test
    void tbAndroidPlain_imapOrSmtpWithoutEncryption() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 143
                    security: none
                  - type: pop3
                    hostname: pop.acme.example
                    port: 110
                    security: none
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThat(result.ok()).isTrue();
        assertThatProblem(result, "tb-android-plain").isWarning().at("acme.yaml", 5, 5).hasField("incoming[0].security")
                .says("Thunderbird for Android rejects the whole configuration when any IMAP or SMTP server has security none");
        assertThat(codes(result)).containsExactly("tb-android-plain");
    }

    @Test
    void askUserLogin_onSmtp_saysWhatEachClientDoes() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 587
                    security: starttls
                    login:
                      askUser:
                        en: The SMTP user name from your welcome letter.
                """).load();

        assertThat(result.ok()).isTrue();
        assertThatProblem(result, "ask-user-login").isWarning().at("acme.yaml", 10, 5).hasField("outgoing[0].login")
                .says("config-v1.1 and Outlook answers carry \"TYPE-YOUR-LOGIN-HERE\"")
                .says("a missing username would be \"undefined\"")
                .says("Apple devices ask while installing");
        assertThat(codes(result)).containsExactly("ask-user-login");
    }

    @Test
    void tbAndroidAuth_noMethodThatAndroidKnows() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                    authentication: sasl:SCRAM-SHA-256
                """).load();

        assertThatProblem(result, "tb-android-auth").isWarning().at("acme.yaml", 10, 5)
                .hasField("outgoing[0].authentication")
                .says("Thunderbird for Android rejects the whole configuration when a server offers none of OAuth2,");
        assertThat(codes(result)).containsExactly("tb-android-auth");
    }

    @Test
    void tbAndroidNoImap_onlyPop3() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: pop3
                    hostname: pop.acme.example
                    port: 995
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThat(result.ok()).isTrue();
        assertThatProblem(result, "tb-android-no-imap").isWarning().at("acme.yaml", 5, 3).hasField("incoming")
                .says("Thunderbird for Android reads only IMAP servers");
        assertThat(codes(result)).containsExactly("tb-android-no-imap");
    }

    @Test
    void tbIncomingAuth_methodThunderbirdCannotUseForReading() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                  - type: pop3
                    hostname: pop.acme.example
                    port: 995
                    security: tls
                    authentication: TLS-client-cert
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "tb-incoming-auth").isWarning().at("acme.yaml", 9, 5)
                .hasField("incoming[1].authentication")
                .says("Thunderbird cannot log in to an incoming server with only TLS-client-cert and skips this server");
        assertThat(codes(result)).containsExactly("tb-incoming-auth");
    }

    @Test
    void tbOauth2Only_oauth2WithoutAPasswordAfterIt() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                    authentication: [OAuth2]
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                    authentication: [password-cleartext, OAuth2]
                """).load();

        assertThatProblem(result, "tb-oauth2-only", "incoming[0].authentication").isWarning().at("acme.yaml", 5, 5)
                .says("Thunderbird uses OAuth2 only for the hosts built into it; list password-cleartext after OAuth2");
        assertThatProblem(result, "tb-oauth2-only", "outgoing[0].authentication").isWarning().at("acme.yaml", 11, 5);
        assertThat(codes(result)).containsExactly("tb-oauth2-only", "tb-oauth2-only");
    }

    @Test
    void literalLogin_everyUserGetsTheSameName() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                    login: shared@acme.example
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "literal-login").isWarning().at("acme.yaml", 5, 5).hasField("incoming[0].login")
                .says("the login 'shared@acme.example' has no placeholder, so every user gets the same login name");
        assertThat(codes(result)).containsExactly("literal-login");
    }

    @Test
    void autodiscoverPortSecurity_securityThatThePortContradicts() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 143
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: starttls
                """).load();

        assertThatProblem(result, "autodiscover-port-security", "incoming[0].port").isWarning().at("acme.yaml", 5, 5)
                .says("so it reads tls on port 143 wrongly");
        assertThatProblem(result, "autodiscover-port-security", "outgoing[0].port").isWarning().at("acme.yaml", 10, 5)
                .says("Thunderbird, reading the Autodiscover answer, decides STARTTLS by port")
                .says("so it reads starttls on port 465 wrongly");
        assertThat(codes(result)).containsExactly("autodiscover-port-security", "autodiscover-port-security");
    }

    private static List<String> codes(LoadResult result) {
        return result.problems().stream().map(Problem::code).toList();
    }
}
