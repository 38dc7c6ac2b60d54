package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;

/**
 * Whole answers with a directory: Halnet's separate SMTP logins from an LDAP tree of its
 * customers (slapd), a PostfixAdmin alias (PostgreSQL); each server started once for the class.
 */
class DirectoryAnswersTest {

    @TempDir
    static Path dir;
    static Slapd slapd;
    static Postgres postgres;

    @BeforeAll
    static void start() throws Exception {
        slapd = Slapd.halnet(Files.createDirectories(dir.resolve("ldap")));
        postgres = Postgres.withPostfixAdmin("");
    }

    @AfterAll
    static void stop() throws Exception {
        if (slapd != null) {
            slapd.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Registry registry() {
        Path providers;
        try {
            providers = Slapd.halnetProviders(dir.resolve("providers-" + System.nanoTime()));
            Registries.write(providers, "client.yaml", """
                    id: client
                    name: Client Hosting
                    domains: [client.example]
                    incoming: [{type: imap, hostname: imap.hoster.example, port: 993, security: tls}]
                    outgoing: [{type: smtp, hostname: smtp.hoster.example, port: 465, security: tls}]
                    directory: {source: postfixadmin, supplies: [incomingLogin, outgoingLogin, canonicalAddress]}
                    """);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Registries.load(providers);
    }

    private static DirectoryAnswers answers(int ldapPort) throws Exception {
        Path file = Slapd.customersFile(Files.createTempDirectory(dir, "conf"), ldapPort, "uid", """
                  postfixadmin:
                    type: sql
                    url: %s
                    user: mailautoconf
                    passwordEnv: PFA
                    lookup: >-
                      SELECT m.username AS login, m.username AS canonical_address
                      FROM alias a JOIN mailbox m ON m.username = a.goto
                      WHERE a.address = :address AND a.active AND m.active
                """.formatted(postgres.jdbcUrl("postfix")));
        Directories directories = Directories.open(DirectoryFile.read(file, Map.of("PFA", "db-Secret-7")::get));
        directories.ready().get(30, TimeUnit.SECONDS);
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        Map<ClientFormat, FormatRenderer> renderers = new EnumMap<>(ClientFormat.class);
        renderers.put(ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE));
        renderers.put(ClientFormat.AUTODISCOVER_OUTLOOK, AutodiscoverAnswers.of(new OutlookRenderer()));
        Answers answers = new Answers(renderers);
        answers.publish(registry());
        return new DirectoryAnswers(answers, directories);
    }

    private static String body(DirectoryAnswers a, ClientFormat format, String address) throws Exception {
        EmailAddress e = EmailAddress.parse(address);
        Lookup l = a.lookup(format, e.domain(), Optional.of(e)).get(5, TimeUnit.SECONDS);
        assertThat(l).isInstanceOf(Lookup.Found.class);
        return new String(((Lookup.Found) l).answer().body(), StandardCharsets.UTF_8);
    }

    @Test
    void halnet_smtpLoginComesFromTheDirectory() throws Exception {
        try (DirectoryAnswers a = answers(slapd.port)) {
            String xml = body(a, ClientFormat.AUTOCONFIG, "iuriturchi@hln.it");
            assertThat(xml).contains("<username>hn-000417</username>").doesNotContain(LoginTemplate.AskUser.STAND_IN)
                    .contains("<username>iuriturchi@hln.it</username>");
            assertThat(body(a, ClientFormat.AUTODISCOVER_OUTLOOK, "iuriturchi@hln.it")).contains("<LoginName>hn-000417</LoginName>");
        }
    }

    @Test
    void halnet_unknownCustomer_sameShapeFromTheTemplates() throws Exception {
        try (DirectoryAnswers a = answers(slapd.port)) {
            String known = body(a, ClientFormat.AUTOCONFIG, "iuriturchi@hln.it");
            String unknown = body(a, ClientFormat.AUTOCONFIG, "nobody@hln.it");
            assertThat(unknown).contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
            // Same elements in the same order: only the values differ.
            assertThat(unknown.replaceAll(">[^<]*<", "><")).isEqualTo(known.replaceAll(">[^<]*<", "><"));
        }
    }

    @Test
    void halnet_directoryDown_templateAnswerNotAnError() throws Exception {
        try (DirectoryAnswers a = answers(LocalPorts.free())) {
            assertThat(body(a, ClientFormat.AUTOCONFIG, "iuriturchi@hln.it"))
                    .contains("<username>" + LoginTemplate.AskUser.STAND_IN + "</username>");
            assertThat(a.directories().total(Directories.Outcome.ERROR) + a.directories().total(Directories.Outcome.TIMEOUT))
                    .isEqualTo(1);
        }
    }

    @Test
    void postfixAdminAlias_autodiscoverRedirectsAndAutoconfigUsesTheMailbox() throws Exception {
        try (DirectoryAnswers a = answers(slapd.port)) {
            assertThat(body(a, ClientFormat.AUTODISCOVER_OUTLOOK, "info@client.example"))
                    .contains("<Action>redirectAddr</Action>").contains("<RedirectAddr>anna@client.example</RedirectAddr>");
            assertThat(body(a, ClientFormat.AUTOCONFIG, "info@client.example"))
                    .contains("<username>anna@client.example</username>").doesNotContain("info@client.example</username>");
            // Providers without a directory are untouched.
            assertThat(body(a, ClientFormat.AUTOCONFIG, "mario.rossi@timpec.it")).contains("mario.rossi@timpec.it*mario.rossi");
        }
    }

    @Test
    void personalProvider_saysWhereEachValueCameFrom() throws Exception {
        Registry r = registry();
        var halnet = r.provider("halnet").orElseThrow();
        DirectoryEntry entry = DirectoryEntry.of(Optional.empty(), Optional.empty(), Optional.of("hn-1"), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertThat(PersonalProvider.of(halnet, EmailAddress.parse("a@hln.it"), entry).origins()).containsExactly(
                "incoming[0].login: the provider file's template", "incoming[1].login: the provider file's template",
                "outgoing[0].login: directory customers", "outgoing[1].login: directory customers");
    }
}
