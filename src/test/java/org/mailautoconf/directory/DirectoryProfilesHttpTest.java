package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.HosterZones;
import org.mailautoconf.testing.NamedServer;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.SigningSetup;
import org.mailautoconf.testing.TestPki;

/**
 * Apple profiles, signed and unsigned, from a PostfixAdmin directory (a real PostgreSQL) as
 * autoconfig's answers are: an alias gets its mailbox's login. A listed domain's and an
 * MX-matched domain's (BIND's named on loopback) profiles are signed; the default provider's
 * stay unsigned, personal all the same.
 */
class DirectoryProfilesHttpTest {

    private static final String DIRECTORY = """
            directory: {source: postfixadmin, supplies: [incomingLogin, outgoingLogin, canonicalAddress]}
            """;

    @TempDir
    static Path dir;
    static Postgres postgres;
    static NamedServer named;
    static ServiceConfig config;
    static ProfileSigning signing;

    @BeforeAll
    static void start() throws Exception {
        postgres = Postgres.withPostfixAdmin("""
                INSERT INTO domain (domain) VALUES ('matched.customers.test'), ('nomx.customers.test');
                INSERT INTO mailbox (username, local_part, domain) VALUES
                  ('ann@matched.customers.test', 'ann', 'matched.customers.test'),
                  ('dan@nomx.customers.test', 'dan', 'nomx.customers.test'),
                  ('bob@client.example', 'bob', 'client.example');
                INSERT INTO alias (address, goto, domain) VALUES
                  ('bob@client.example', 'bob@client.example', 'client.example'),
                  ('kept@client.example', 'anna@client.example', 'client.example'),
                  ('sales@matched.customers.test', 'ann@matched.customers.test', 'matched.customers.test'),
                  ('sales@nomx.customers.test', 'dan@nomx.customers.test', 'nomx.customers.test');
                """);
        named = HosterZones.start(Files.createDirectories(dir.resolve("named")));
        Path providers = Files.createDirectories(dir.resolve("providers.d"));
        Registries.write(providers, "client.yaml", """
                id: client
                name: Client Hosting
                domains: [client.example]
                incoming: [{type: imap, hostname: imap.hoster.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.hoster.example, port: 465, security: tls}]
                """ + DIRECTORY);
        Registries.write(providers, "mxhoster.yaml", HosterZones.PROVIDER + DIRECTORY);
        Registries.write(providers, "hoster.yaml", SigningSetup.HOSTER + DIRECTORY);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path file = conf.resolve("directories.yaml");
        Files.writeString(file, Files.readString(Path.of("docs/directories/postfixadmin.yaml"))
                .replace("jdbc:postgresql://db.hoster.example:5432/postfix", postgres.jdbcUrl("postfix"))
                .replace("passwordEnv: POSTFIXADMIN_DB_PASSWORD", "passwordFile: db.secret"));
        Files.writeString(conf.resolve("db.secret"), PostfixAdminCases.DB_PASSWORD + "\n");
        TestPki.Issued root = TestPki.rootCa("Test Root");
        signing = SigningSetup.signing(Files.createDirectories(dir.resolve("keys")),
                TestPki.signer("Test Profile Signer", TestPki.rsa(), root), root);
        config = ServiceConfig.defaults().withPort(0).withProvidersDir(providers).withDirectories(Optional.of(file))
                .withDefaultProvider(Optional.of("hoster"))
                .withHoster(new HosterSettings(java.util.List.of(new HostPort("127.0.0.1", named.port())),
                        java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(60), java.time.Duration.ofHours(1),
                        java.time.Duration.ofSeconds(30), 1000, 1000, 0, 1));
    }

    @AfterAll
    static void stop() throws Exception {
        if (named != null) {
            named.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The profile's plist: the signed content when signed (null when not signed). */
    private static String signedContent(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        CMSSignedData cms = new CMSSignedData(r.body());
        assertThat(cms.getSignerInfos().size()).isEqualTo(1);
        return new String((byte[]) cms.getSignedContent().getContent(), StandardCharsets.UTF_8);
    }

    private static String unsigned(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).as("not signed").startsWith("<?xml");
        return text;
    }

    private static String login(String address) {
        return "IncomingMailServerUsername</key>\\s*<string>" + address.replace(".", "\\.") + "</string>";
    }

    /**
     * Waits until the directory has answered once (the service connects it in the background
     * at start; a lookup queued behind that gets the template answer within the time limit).
     */
    private static void warm(RunningService s) {
        RunningService.await(java.time.Duration.ofSeconds(20), "the directory's first answer", () -> {
            s.get("/mail/config-v1.1.xml?emailaddress=anna%40client.example");
            return new String(s.get("/metrics").body(), StandardCharsets.UTF_8)
                    .matches("(?s).*mailautoconf_directory_lookups_total\\{outcome=\"(found|cached)\"} [1-9].*");
        });
    }

    @Test
    void signedProfiles_anAliasGetsItsMailboxsLogin_listedAndMxMatchedSigned_defaultUnsigned() throws Exception {
        try (RunningService s = RunningService.start(config.withProfileSigning(Optional.of(signing)))) {
            warm(s);
            assertThat(signedContent(s.get("/mobileconfig/info@client.example"))).containsPattern(login("anna@client.example"))
                    .doesNotContainPattern(login("info@client.example"));
            assertThat(signedContent(s.get("/mobileconfig/sales@matched.customers.test")))
                    .containsPattern(login("ann@matched.customers.test"));
            assertThat(unsigned(s.get("/mobileconfig/sales@nomx.customers.test"))).containsPattern(login("dan@nomx.customers.test"));
            // An address the directory does not know: the templates, signed as before.
            assertThat(signedContent(s.get("/mobileconfig/nobody@client.example"))).containsPattern(login("nobody@client.example"));
            // Asked again: the directory's cache, the same profile.
            assertThat(signedContent(s.get("/mobileconfig/info@client.example"))).containsPattern(login("anna@client.example"));
        }
    }

    private static double signatures(RunningService s) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("mailautoconf_expensive_work_total\\{outcome=\"done\",work=\"sign\"} ([0-9.]+)")
                .matcher(new String(s.get("/metrics").body(), StandardCharsets.UTF_8));
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void aPersonalSignedProfile_isSignedOncePerAddress_andAgainWhenTheDirectoryChanges() throws Exception {
        try (RunningService s = RunningService.start(config.withProfileSigning(Optional.of(signing)))) {
            warm(s);
            double before = signatures(s);
            HttpResponse<byte[]> first = s.get("/mobileconfig/kept@client.example");
            assertThat(signatures(s)).as("the first request signs").isEqualTo(before + 1);
            assertThat(signedContent(first)).containsPattern(login("anna@client.example"));
            HttpResponse<byte[]> second = s.get("/mobileconfig/kept@client.example");
            assertThat(signatures(s)).as("the second request signs nothing").isEqualTo(before + 1);
            assertThat(second.body()).isEqualTo(first.body());

            // The alias now points at another mailbox; a reload empties the directory's cache.
            postgres.sql("postfix", "UPDATE alias SET goto = 'bob@client.example' WHERE address = 'kept@client.example'");
            s.reload();
            RunningService.await(java.time.Duration.ofSeconds(10), "the profile with the directory's new login",
                    () -> signedContentOrEmpty(s.get("/mobileconfig/kept@client.example")).contains("bob@client.example"));
            assertThat(signatures(s)).as("the changed profile is signed anew").isGreaterThan(before + 1);
        }
    }

    private static String signedContentOrEmpty(HttpResponse<byte[]> r) {
        try {
            return signedContent(r);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void unsignedProfiles_andAutoconfig_useTheDirectory_forListedAndMxMatchedDomains() throws Exception {
        try (RunningService s = RunningService.start(config)) {
            warm(s);
            assertThat(unsigned(s.get("/mobileconfig/info@client.example"))).containsPattern(login("anna@client.example"));
            assertThat(unsigned(s.get("/mobileconfig?emailaddress=sales%40matched.customers.test")))
                    .containsPattern(login("ann@matched.customers.test"));
            HttpResponse<byte[]> auto = s.get("/mail/config-v1.1.xml?emailaddress=sales%40matched.customers.test");
            assertThat(new String(auto.body(), StandardCharsets.UTF_8)).contains("<hostname>imap.matched.customers.test</hostname>")
                    .contains("<username>ann@matched.customers.test</username>")
                    .doesNotContain("<username>sales@matched.customers.test</username>");
            HttpResponse<byte[]> pox = s.post("/autodiscover/autodiscover.xml", """
                    <?xml version="1.0" encoding="utf-8"?>
                    <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                      <Request><EMailAddress>sales@matched.customers.test</EMailAddress>
                      <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                      </Request></Autodiscover>""", "Content-Type", "text/xml");
            assertThat(new String(pox.body(), StandardCharsets.UTF_8)).as("Outlook asks again for the mailbox")
                    .contains("<RedirectAddr>ann@matched.customers.test</RedirectAddr>");
        }
    }
}
