package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.dns.DnsRecord;
import org.mailautoconf.dns.PublicHost;
import org.mailautoconf.dns.RecordData;
import org.mailautoconf.dns.RecordPlanner;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.format.pacc.PaccSchema;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.RunningService;

/**
 * The newer well-known URLs on the real server: PACC's document and the DNS digest of exactly the
 * bytes it serves; RFC 6764's redirects and their SRV and TXT records.
 */
class WellKnownHttpTest {

    private static final String PATH = "/.well-known/user-agent-configuration.json";

    @TempDir
    static Path dir;
    private static Registry registry;
    private static RunningService service;

    @BeforeAll
    static void start() {
        registry = DavProvider.withShipped(dir);
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void uaAutoConfigHost_getsTheDocument_asJsonForAnyOrigin_withAStrongEtag() {
        HttpResponse<byte[]> r = service.get(PATH, "Host", "ua-auto-config.dav.example");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).startsWith("\"").doesNotStartWith("W/"));
        assertThat(PaccSchema.errors(r.body())).isEmpty();

        HttpResponse<byte[]> onDomain = service.get(PATH, "Host", "dav.example");
        assertThat(onDomain.body()).isEqualTo(r.body());
        HttpResponse<byte[]> again = service.get(PATH, "Host", "ua-auto-config.dav.example",
                "If-None-Match", r.headers().firstValue("ETag").orElseThrow());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    void dnsTxtRecord_isTheDigestOfTheServedBytes() {
        byte[] served = service.get(PATH, "Host", "ua-auto-config.dav.example").body();
        var plan = RecordPlanner.standard().plan(registry, DomainName.parse("dav.example"),
                new PublicHost("mailautoconf.example.net", java.util.List.of()), 3600).orElseThrow();
        DnsRecord txt = plan.records().stream().filter(x -> x.owner().equals("_ua-auto-config.dav.example")).findFirst().orElseThrow();
        assertThat(txt.data()).isEqualTo(new RecordData.Text(java.util.List.of(PaccRenderer.txt(served))));
        assertThat(plan.records()).anySatisfy(x -> {
            assertThat(x.owner()).isEqualTo("ua-auto-config.dav.example");
            assertThat(x.data()).isEqualTo(new RecordData.Alias("mailautoconf.example.net"));
        });
    }

    @Test
    void providerPaccCannotExpress_is404_andGetsNoDnsDigest() {
        HttpResponse<byte[]> r = service.get(PATH, "Host", "ua-auto-config.timpec.it");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(PaccRenderer.DRAFT).contains("always the address");
        var plan = RecordPlanner.standard().plan(registry, DomainName.parse("timpec.it"),
                new PublicHost("mailautoconf.example.net", java.util.List.of()), 3600).orElseThrow();
        assertThat(plan.records()).noneSatisfy(x -> assertThat(x.owner()).contains("ua-auto-config"));
        assertThat(service.get(PATH, "Host", "ua-auto-config.nowhere.example").statusCode()).isEqualTo(404);
    }

    @Test
    void wellKnownCaldavAndCarddav_redirect307_forGetAndPropfind() {
        HttpResponse<byte[]> cal = service.get("/.well-known/caldav", "Host", "dav.example");
        assertThat(cal.statusCode()).isEqualTo(307);
        assertThat(cal.headers().firstValue("Location")).hasValue("https://dav.dav.example/calendars/");
        HttpResponse<byte[]> card = service.send(service.request("/.well-known/carddav").header("Host", "dav.example")
                .header("Depth", "0").method("PROPFIND", HttpRequest.BodyPublishers.ofString("<propfind xmlns=\"DAV:\"/>")).build());
        assertThat(card.statusCode()).isEqualTo(307);
        assertThat(card.headers().firstValue("Location")).hasValue("https://dav.dav.example/contacts/");
    }

    @Test
    void providerWithoutDav_orUnknownDomain_is404() {
        assertThat(service.get("/.well-known/caldav", "Host", "polito.it").statusCode()).isEqualTo(404);
        assertThat(service.get("/.well-known/carddav", "Host", "nowhere.example").statusCode()).isEqualTo(404);
    }

    @Test
    void dnsPlan_hasTheSrvAndTxtRecordsOfRfc6764() {
        var plan = RecordPlanner.standard().plan(registry, DomainName.parse("dav.example"),
                new PublicHost("mailautoconf.example.net", List.of()), 3600).orElseThrow();
        var caldavs = plan.records().stream().filter(r -> r.owner().equals("_caldavs._tcp.dav.example")).map(r -> r.data()).toList();
        assertThat(caldavs).containsExactly(new RecordData.Service(0, 1, 443, "dav.dav.example"),
                new RecordData.Text(List.of("path=/calendars/")));
        var carddavs = plan.records().stream().filter(r -> r.owner().equals("_carddavs._tcp.dav.example")).map(r -> r.data()).toList();
        assertThat(carddavs).containsExactly(new RecordData.Service(0, 1, 443, "dav.dav.example"),
                new RecordData.Text(List.of("path=/contacts/")));
        var polito = RecordPlanner.standard().plan(registry, DomainName.parse("polito.it"),
                new PublicHost("mailautoconf.example.net", List.of()), 3600).orElseThrow();
        assertThat(polito.records()).noneSatisfy(r -> assertThat(r.owner()).contains("dav"));
    }

    @Test
    void paccAskedOnAnIpAddressHost_is400_sayingToAskUaAutoConfig() {
        HttpResponse<byte[]> r = service.get(PATH, "Host", "127.0.0.1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("ask ua-auto-config.<your domain>: the document is found by the Host name");
    }

    @Test
    void caldavAndCarddavAskedOnAnIpAddressHost_are400_namingTheProtocol() {
        HttpResponse<byte[]> cal = service.get("/.well-known/caldav", "Host", "127.0.0.1");
        assertThat(cal.statusCode()).isEqualTo(400);
        assertThat(new String(cal.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("ask on the mail domain: the CalDAV service is found by the Host name");
        HttpResponse<byte[]> card = service.get("/.well-known/carddav", "Host", "127.0.0.1");
        assertThat(card.statusCode()).isEqualTo(400);
        assertThat(new String(card.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("ask on the mail domain: the CardDAV service is found by the Host name");
    }
}
