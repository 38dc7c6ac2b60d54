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
import org.mailautoconf.dns.PublicHost;
import org.mailautoconf.dns.RecordData;
import org.mailautoconf.dns.RecordPlanner;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.RunningService;

/** RFC 6764: the well-known DAV URLs redirect to the provider's URLs, and the SRV and TXT records name them. */
class DavWellKnownHttpTest {

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
}
