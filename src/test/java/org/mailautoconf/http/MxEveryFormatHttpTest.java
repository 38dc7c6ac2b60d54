package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.HosterZones;
import org.mailautoconf.testing.NamedServer;
import org.mailautoconf.testing.RunningService;

/**
 * Hoster mode beyond autoconfig and Autodiscover: Autodiscover v2's JSON, the setup page and PACC
 * answer a customer domain whose MX (in BIND's named on loopback) names the hoster, on the first
 * request, with no other request having had its MX answer kept; PACC not for the default provider.
 */
class MxEveryFormatHttpTest {

    private static final String PACC = "/.well-known/user-agent-configuration.json";

    @TempDir
    static Path dir;
    static NamedServer named;
    static ServiceConfig config;

    @BeforeAll
    static void setUp() throws Exception {
        named = HosterZones.start(Files.createDirectories(dir.resolve("named")));
        Path providers = HosterZones.providers(dir.resolve("providers.d"));
        config = ServiceConfig.defaults().withPort(0).withProvidersDir(providers)
                .withHoster(HosterModeHttpTest.settings(named.port(), 1000, 0, 10_000))
                .withPublicBaseUrl(Optional.of(URI.create("https://autoconf.hoster.example")));
    }

    @AfterAll
    static void stopNamed() {
        named.close();
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void autodiscoverJson_answersAnMxMatchedDomain_404sAnUnmatchedOne() throws Exception {
        try (RunningService s = RunningService.start(config)) {
            HttpResponse<byte[]> r = s.get("/autodiscover/autodiscover.json?Email=ann%40matched.customers.test&Protocol=AutodiscoverV1");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).contains("https://autoconf.hoster.example/autodiscover/autodiscover.xml");
            assertThat(s.get("/autodiscover/autodiscover.json/v1.0/bob@second.customers.test?Protocol=AutodiscoverV1")
                    .statusCode()).as("by path, matched by its second MX").isEqualTo(200);
            HttpResponse<byte[]> unmatched = s.get("/autodiscover/autodiscover.json?Email=x%40unmatched.customers.test&Protocol=AutodiscoverV1");
            assertThat(unmatched.statusCode()).isEqualTo(404);
            assertThat(text(unmatched)).contains("UserNotFound");
        }
    }

    @Test
    void setupPage_showsTheHostersSettingsForAnMxMatchedDomain() throws Exception {
        try (RunningService s = RunningService.start(config)) {
            HttpResponse<byte[]> r = s.get("/?emailaddress=ann%40matched.customers.test");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).contains("imap.matched.customers.test").contains("MX Hoster Mail");
            assertThat(s.get("/?emailaddress=x%40nullmx.customers.test").statusCode()).isEqualTo(404);
            assertThat(s.get("/?emailaddress=not-an-address").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void pacc_answersAnMxVerifiedDomain_notTheDefaultProvidersAnyDomain() throws Exception {
        try (RunningService s = RunningService.start(config.withDefaultProvider(Optional.of("hoster")))) {
            HttpResponse<byte[]> r = s.get(PACC, "Host", "ua-auto-config.matched.customers.test");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).contains("imap.matched.customers.test");
            // Asked again: the same document (the MX answer kept now), not a 404 once it is.
            assertThat(s.get(PACC, "Host", "matched.customers.test").body()).isEqualTo(r.body());
            // The default provider answers autoconfig for any domain, but PACC's document only where
            // a file lists the domain or its MX names the provider.
            HttpResponse<byte[]> byDefault = s.get(PACC, "Host", "ua-auto-config.nomx.customers.test");
            assertThat(byDefault.statusCode()).isEqualTo(404);
            assertThat(text(byDefault)).contains("only the default provider serves it");
            assertThat(s.get(PACC, "Host", "ua-auto-config.hoster.example").statusCode()).as("listed").isEqualTo(200);
        }
    }
}
