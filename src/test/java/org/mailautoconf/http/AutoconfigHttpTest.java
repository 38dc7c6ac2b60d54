package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;
import org.w3c.dom.Element;

/** Thunderbird's requests, as it sends them, against the real server on the shipped registry. */
class AutoconfigHttpTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static Element provider(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
    }

    private static String firstIncomingUser(HttpResponse<byte[]> r) {
        Element incoming = Xml.children(provider(r), "incomingServer").get(0);
        return Xml.text(incoming, "username");
    }

    @Test
    void autoconfigHost_withPercentEncodedAddress_fillsTheLogin() {
        var r = service.get("/mail/config-v1.1.xml?emailaddress=mario.rossi%40timpec.it", "Host", "autoconfig.timpec.it");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(firstIncomingUser(r)).isEqualTo("mario.rossi@timpec.it*mario.rossi");
        assertThat(Xml.text(Xml.children(provider(r), "incomingServer").get(0), "hostname")).isEqualTo("imap.pectim.it");
    }

    @Test
    void wellKnownUrl_withAddress_isAnsweredLikeTheAutoconfigHost() {
        var r = service.get("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=nome.cognome%40polito.it", "Host", "polito.it");
        assertThat(firstIncomingUser(r)).isEqualTo("nome.cognome@polito.it");
    }

    @Test
    void noAddress_takesTheDomainFromTheAutoconfigHost_andLeavesPlaceholders() {
        var r = service.get("/mail/config-v1.1.xml", "Host", "autoconfig.polito.it:8443");
        assertThat(provider(r).getAttribute("id")).isEqualTo("polito.it");
        assertThat(firstIncomingUser(r)).isEqualTo("%EMAILADDRESS%");
    }

    @Test
    void noAddress_onTheWellKnownUrl_takesTheDomainFromTheHost() {
        var r = service.get("/.well-known/autoconfig/mail/config-v1.1.xml", "Host", "TIMPEC.IT.");
        assertThat(provider(r).getAttribute("id")).isEqualTo("timpec.it");
    }

    @Test
    void ispdbForms_answerByDomainWithPlaceholders() {
        for (String path : List.of("/v1.1/unimi.it", "/autoconfig/v1.1/unimi.it", "/v1.1/UNIMI.it.")) {
            var r = service.get(path);
            assertThat(provider(r).getAttribute("id")).as(path).isEqualTo("unimi.it");
            assertThat(firstIncomingUser(r)).isEqualTo("%EMAILADDRESS%");
        }
    }

    @Test
    void plusInAnUnencodedAddress_isKeptAsPlus() {
        var r = service.get("/mail/config-v1.1.xml?emailaddress=mario+pec@timpec.it");
        assertThat(firstIncomingUser(r)).isEqualTo("mario+pec@timpec.it*mario+pec");
    }

    @Test
    void unknownDomain_is404WithAPlainReason_notToBeCached() {
        var r = service.get("/mail/config-v1.1.xml?emailaddress=someone%40example.com");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        // A 404 is cacheable by default; the provider may be added by the next reload.
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(body(r)).isEqualTo("no mail provider is known for example.com\n");
    }

    @Test
    void malformedAddress_is400_andNothingOfItIsEchoed() {
        var r = service.get("/mail/config-v1.1.xml?emailaddress=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r)).startsWith("emailaddress is not a valid address").doesNotContain("<script>");
        var twoAts = service.get("/mail/config-v1.1.xml?emailaddress=a%40b%40polito.it");
        assertThat(twoAts.statusCode()).isEqualTo(400);
    }

    @Test
    void noAddressAndAnIpHost_is400() {
        var r = service.get("/mail/config-v1.1.xml", "Host", "127.0.0.1");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r)).contains("emailaddress");
    }

    @Test
    void badDomainInTheIspdbForm_is400() {
        var r = service.get("/v1.1/bad_domain%21");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(body(r)).startsWith("not a domain name");
    }

    @Test
    void unknownPath_is404AndPostOnAutoconfig_isNotServed() {
        assertThat(service.get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void etag_givesNotModifiedForTheSameAnswer() {
        var first = service.get("/v1.1/polito.it");
        Optional<String> etag = first.headers().firstValue("ETag");
        assertThat(etag).isPresent();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=300");
        var again = service.get("/v1.1/polito.it", "If-None-Match", etag.get());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        var other = service.get("/v1.1/unimi.it", "If-None-Match", etag.get());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndReadiness_sayWhatIsLoaded() {
        assertThat(body(service.get("/healthz"))).isEqualTo("ok\n");
        var ready = service.get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        var json = new io.vertx.core.json.JsonObject(body(ready));
        assertThat(json.getBoolean("ready")).isTrue();
        assertThat(json.getJsonObject("registry").getInteger("providers")).isEqualTo(4);
        assertThat(json.getJsonObject("registry").getInteger("domains")).isEqualTo(8);
        assertThat(json.getJsonObject("registry").getString("version")).matches("[0-9a-f]{16}");
        assertThat(json.getJsonObject("lastReload").getString("result")).isEqualTo("ok");
    }
}
