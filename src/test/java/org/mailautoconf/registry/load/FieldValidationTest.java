package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One provider file, one mistake: each problem names file, line, column, field, code and what to do. */
class FieldValidationTest {

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void unknownField_inAServer_suggestsTheFieldMeant() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostName: imap.acme.example
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    prot: 465
                    security: tls
                """).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "unknown-field", "incoming[0].hostName").isError()
                .at("acme.yaml", 6, 5).says("unknown field 'hostName'; did you mean 'hostname'?");
        assertThatProblem(result, "unknown-field", "outgoing[0].prot").isError()
                .at("acme.yaml", 12, 5).says("did you mean 'port'?");
    }

    @Test
    void unknownField_atTheTop_suggestsTheFieldMeantOrListsTheKnownOnes() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domain: acme.example
                colour: blue
                """).load();

        assertThatProblem(result, "unknown-field", "domain").isError().at("acme.yaml", 3, 1).says("did you mean 'domains'?");
        assertThatProblem(result, "unknown-field", "colour").isError().at("acme.yaml", 4, 1)
                .says("unknown field 'colour'; known fields: activeSync, aliases,");
    }

    @Test
    void wrongType_portWrittenAsText() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: "993"
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "wrong-type").isError().at("acme.yaml", 7, 11).hasField("incoming[0].port")
                .says("must be a whole number, was text");
    }

    @Test
    void wrongType_domainsWrittenAsAMap() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains:
                  main: acme.example
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
                """).load();

        assertThatProblem(result, "wrong-type").isError().at("acme.yaml", 4, 3).hasField("domains")
                .says("must be a list, was a map of fields");
    }

    @Test
    void wrongType_numberWhereTextIsMeant() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: 42
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
                    addThisServer: "yes"
                """).load();

        assertThatProblem(result, "wrong-type", "name").isError().at("acme.yaml", 2, 7)
                .says("must be text, was a number (write it in quotes");
        assertThatProblem(result, "wrong-type", "outgoing[0].addThisServer").isError().at("acme.yaml", 14, 20)
                .says("must be true or false, was text");
    }

    @Test
    void badHostname_underscorePortAndSingleLabel() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap_1.acme.example
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: mail.x.it:993
                    port: 465
                    security: tls
                  - type: smtp
                    hostname: localhost
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "bad-hostname", "incoming[0].hostname").isError().at("acme.yaml", 6, 15)
                .says("'imap_1.acme.example' is not a valid host name: a domain name has only letters, digits, '-' and '.'");
        assertThatProblem(result, "bad-hostname", "outgoing[0].hostname").isError().at("acme.yaml", 11, 15)
                .says("the port goes in 'port'");
        assertThatProblem(result, "bad-hostname", "outgoing[1].hostname").isError().at("acme.yaml", 15, 15)
                .says("at least two labels");
    }

    @Test
    void hostname_mayNameTheDomainByPlaceholderButNoOtherPlaceholder() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: IMAP.%EMAILDOMAIN%
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: "%EMAILLOCALPART%.acme.example"
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "bad-hostname").isError().at("acme.yaml", 11, 15).hasField("outgoing[0].hostname")
                .says("only the placeholder %EMAILDOMAIN% may stand in a host name");
    }

    @Test
    void port_zeroAnd70000AreOutOfRange() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 0
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 70000
                    security: tls
                """).load();

        assertThatProblem(result, "out-of-range", "incoming[0].port").isError().at("acme.yaml", 7, 11)
                .says("must be between 1 and 65535, was 0");
        assertThatProblem(result, "out-of-range", "outgoing[0].port").isError().at("acme.yaml", 12, 11)
                .says("must be between 1 and 65535, was 70000");
    }

    @Test
    void login_unknownPlaceholderAndUnclosedPlaceholder() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                    login: "%EMAILADRESS%"
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                    login: "%EMAILADDRESS"
                """).load();

        assertThatProblem(result, "bad-placeholder", "incoming[0].login").isError().at("acme.yaml", 9, 12)
                .says("unknown placeholder %EMAILADRESS%; known: %EMAILADDRESS%, %EMAILLOCALPART%, %EMAILDOMAIN%");
        assertThatProblem(result, "bad-placeholder", "outgoing[0].login").isError().at("acme.yaml", 15, 12)
                .says("'%EMAILADDRESS' opens a placeholder that is never closed");
    }

    @Test
    void security_sslGetsTheHintToWriteTls() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: ssl
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 587
                    security: STARTTLS
                """).load();

        assertThatProblem(result, "bad-value", "incoming[0].security").isError().at("acme.yaml", 8, 15)
                .says("security is tls, starttls or none, was 'ssl'; for TLS from the first byte (993, 995, 465) write tls");
        assertThatProblem(result, "bad-value", "outgoing[0].security").isError().at("acme.yaml", 13, 15)
                .says("write starttls in lower case");
    }

    @Test
    void type_mustBeImapOrPop3Incoming_andSmtpOutgoing() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: exchange
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                outgoing:
                  - type: imap
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "bad-value", "incoming[0].type").isError().at("acme.yaml", 5, 11)
                .says("incoming servers are of type imap or pop3, was 'exchange'");
        assertThatProblem(result, "bad-value", "outgoing[0].type").isError().at("acme.yaml", 10, 11)
                .says("outgoing servers are of type smtp, was 'imap'");
    }

    @Test
    void authentication_unknownMethodSuggestsTheKnownOne() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 993
                    security: tls
                    authentication: [password-cleartxt]
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "bad-value").isError().at("acme.yaml", 9, 22).hasField("incoming[0].authentication[0]")
                .says("unknown authentication method 'password-cleartxt'; did you mean 'password-cleartext'?");
    }

    @Test
    void missingField_nameDomainsIncomingOutgoing() {
        var result = dir.file("acme.yaml", """
                id: acme
                shortName: Acme
                """).load();

        assertThatProblem(result, "missing-field", "name").isError().at("acme.yaml", 1, 1).says("'name' is required");
        assertThatProblem(result, "missing-field", "domains").isError().at("acme.yaml", 1, 1).says("'domains' is required");
        assertThatProblem(result, "missing-field", "incoming").isError().at("acme.yaml", 1, 1).says("'incoming' is required");
        assertThatProblem(result, "missing-field", "outgoing").isError().at("acme.yaml", 1, 1).says("'outgoing' is required");
    }

    @Test
    void missingField_idOfAFile() {
        var result = dir.file("acme.yaml", """
                name: Acme
                """).load();

        assertThatProblem(result, "missing-field", "id").isError().at("acme.yaml", 1, 1)
                .says("'id' is required: a short name for this file");
    }

    @Test
    void missingField_hostnamePortSecurityAndTypeOfAServer() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example]
                incoming:
                  - type: imap
                    authentication: password-cleartext
                  - hostname: pop.acme.example
                    port: 995
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "missing-field", "incoming[0].hostname").isError().at("acme.yaml", 5, 5)
                .says("'hostname' is required");
        assertThatProblem(result, "missing-field", "incoming[0].port").isError().at("acme.yaml", 5, 5)
                .says("'port' is required: a port number from 1 to 65535");
        assertThatProblem(result, "missing-field", "incoming[0].security").isError().at("acme.yaml", 5, 5)
                .says("'security' is required: tls, starttls or none");
        assertThatProblem(result, "missing-field", "incoming[1].type").isError().at("acme.yaml", 7, 5)
                .says("'type' is required: imap or pop3");
    }

    @Test
    void aKeyWithNothingAfterIt_isAnEmptyValue_andTimeLikeTextStaysText() {
        var result = dir.file("acme.yaml", """
                id: acme
                name:
                shortName: 12:30
                domains: [acme.example]
                incoming: [{type: imap, hostname: imap.acme.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.acme.example, port: 465, security: tls}]
                """).load();

        assertThatProblem(result, "empty-value", "name").isError().at("acme.yaml", 2, 6).says("must not be empty");
        assertThat(result.problems()).as("shortName 12:30 is text, not YAML 1.1's base-60 number")
                .noneMatch(p -> p.field().equals("shortName"));
    }

    @Test
    void emptyLists_ofDomainsAndServers() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: []
                incoming: []
                outgoing: []
                """).load();

        assertThatProblem(result, "empty-value", "domains").isError().at("acme.yaml", 3, 10).says("list at least one domain");
        assertThatProblem(result, "empty-value", "incoming").isError().at("acme.yaml", 4, 11).says("list at least one server");
        assertThatProblem(result, "empty-value", "outgoing").isError().at("acme.yaml", 5, 11).says("list at least one server");
    }

    @Test
    void invalidServer_isNotAlsoReportedAsAnEmptyListNorWarnedAbout() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains: [acme.example, acme_2.example]
                incoming:
                  - type: imap
                    hostname: imap.acme.example
                    port: 99999
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.acme.example
                    port: 465
                    security: tls
                """).load();

        assertThatProblem(result, "out-of-range").isError().at("acme.yaml", 7, 11).hasField("incoming[0].port");
        assertThatProblem(result, "bad-domain").isError().at("acme.yaml", 3, 25).hasField("domains[1]")
                .says("'acme_2.example' is not a valid domain");
        // The one IMAP server is wrong, not missing: neither "list at least one server" nor
        // "Thunderbird for Android reads only IMAP servers" would help the admin.
        assertThat(result.problems()).as(ProblemAssert.listed(result)).hasSize(2);
    }

    @Test
    void badDomain_wildcardOnlyAtTheStart() {
        var result = dir.file("acme.yaml", """
                id: acme
                name: Acme
                domains:
                  - "*.acme.example"
                  - "mail.*.example"
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
                """).load();

        assertThatProblem(result, "bad-domain").isError().at("acme.yaml", 5, 5).hasField("domains[1]")
                .says("'*' stands only at the start, as in *.example.org");
    }

    @Test
    void badId_notAWordOfLowerCaseLetters() {
        var result = dir.file("acme.yaml", ProviderDir.provider("Acme Mail", "acme.example")).load();

        assertThatProblem(result, "bad-id").isError().at("acme.yaml", 1, 5).hasField("id")
                .says("an id has lower-case letters, digits, '-' and '.'");
    }

    @Test
    void assumptions_aGoodFieldPathIsANote_aBadOneAnError() {
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
                assumptions:
                  - field: incoming[0].hostname
                    note: The guide names no host; imap.acme.example is assumed.
                  - field: incoming[1].hostname
                    note: There is no second server.
                """).load();

        assertThatProblem(result, "assumption").isNote().at("acme.yaml", 15, 12).hasField("incoming[0].hostname")
                .says("assumed value to confirm: The guide names no host");
        assertThatProblem(result, "bad-field-path").isError().at("acme.yaml", 17, 12).hasField("assumptions[1].field")
                .says("'incoming[1].hostname' names no field of this provider");
    }

    @Test
    void assumptions_onlyNotes_stillLoad() {
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
                assumptions:
                  - field: outgoing[0].port
                    note: 465 by convention.
                """).load();

        assertThat(result.ok()).isTrue();
        assertThat(result.registry().orElseThrow().provider("acme").orElseThrow().assumptions())
                .extracting(a -> a.field()).containsExactly("outgoing[0].port");
        assertThatProblem(result, "assumption").isNote().at("acme.yaml", 15, 12);
    }
}
