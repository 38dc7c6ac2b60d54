package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertError;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertMobileSyncSettings;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertOutlookSettings;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.format.autodiscover.RequestReader;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;
import org.mailautoconf.testing.RunningService;

/** POX Autodiscover against the real server with {@code providers.d/} as shipped and no public URL. */
class AutodiscoverHttpTest {

    private static final String PATH = "/Autodiscover/Autodiscover.xml";
    private static final String PASSWORD = "Sup3r-Secret-Pa55word";
    private static RunningService server;
    private static Registry shipped;

    @BeforeAll
    static void start() throws Exception {
        shipped = Registries.shipped();
        server = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static Element xml(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml; charset=utf-8");
        return PoxXml.parse(response.body());
    }

    private static void assertErrorAnswer(HttpResponse<byte[]> response, int code, String namespace) {
        assertError(xml(response), code, namespace);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void post_outlookRequest_everyShippedProviderAndDomain_everyField() throws Exception {
        for (Provider p : Registries.providers(shipped)) {
            for (DomainName d : Registries.domains(p)) {
                EmailAddress a = EmailAddress.parse("mario.rossi@" + d.unicode());
                HttpResponse<byte[]> response = server.post(PATH, Requests.outlook(a.localPart() + "@" + d.unicode()),
                        "Authorization", basic(a.toString()));
                assertOutlookSettings(xml(response), p, a);
                assertThat(response.headers().firstValue("ETag")).isPresent();
            }
        }
    }

    @Test
    void post_thunderbirdsRequest_sameAnswerAsOutlooks() throws Exception {
        HttpResponse<byte[]> outlook = server.post(PATH, Requests.outlook("a@unimi.it"));
        HttpResponse<byte[]> thunderbird = server.post("/autodiscover/autodiscover.xml", Requests.thunderbird("a@unimi.it"),
                "Authorization", basic("a@unimi.it"));
        assertThat(thunderbird.body()).isEqualTo(outlook.body());
    }

    @Test
    void post_mobileSyncRequest_everyShippedProvider_activeSyncOr601() throws Exception {
        int answered = 0;
        for (Provider p : Registries.providers(shipped)) {
            for (DomainName d : Registries.domains(p)) {
                EmailAddress a = EmailAddress.parse("mario.rossi@" + d.ascii());
                HttpResponse<byte[]> response = server.post(PATH, Requests.mobileSync(a.toString()), "Authorization", basic("mario.rossi"));
                if (p.activeSync().isPresent()) {
                    assertMobileSyncSettings(xml(response), p, a);
                    answered++;
                } else {
                    assertErrorAnswer(response, 601, Requests.MOBILESYNC_SCHEMA);
                }
            }
        }
        assertThat(answered).as("polito.it answers with its ActiveSync server").isEqualTo(1);
    }

    @Test
    void post_newOutlookAskingMobileSyncForAnImapOnlyProvider_is601NeverABare400() throws Exception {
        String body = Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_SCHEMA, Requests.MOBILESYNC_SCHEMA);
        assertErrorAnswer(server.post(PATH, body), 601, Requests.MOBILESYNC_SCHEMA);
    }

    @Test
    void post_pathInEveryLetterCase() throws Exception {
        byte[] expected = server.post("/autodiscover/autodiscover.xml", Requests.outlook("a@polito.it")).body();
        for (String path : List.of("/Autodiscover/Autodiscover.xml", "/AutoDiscover/AutoDiscover.xml", "/AUTODISCOVER/AUTODISCOVER.XML")) {
            HttpResponse<byte[]> response = server.post(path, Requests.outlook("a@polito.it"));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo(expected);
        }
        assertThat(server.post("/autodiscover/autodiscover.xmlx", Requests.outlook("a@polito.it")).statusCode()).isEqualTo(404);
    }

    @Test
    void post_credentialsAreNeitherNeededNorLogged() throws Exception {
        String authorization = basic("mario.rossi@polito.it");
        String encoded = authorization.substring("Basic ".length());
        String log;
        HttpResponse<byte[]> with;
        HttpResponse<byte[]> without;
        HttpResponse<byte[]> failedWith;
        try (LogCapture capture = new LogCapture()) {
            with = server.post(PATH, Requests.outlook("mario.rossi@polito.it"), "Authorization", authorization);
            without = server.post(PATH, Requests.outlook("mario.rossi@polito.it"));
            failedWith = server.post(PATH, Requests.outlook("mario.rossi@unknown.example"), "Authorization", authorization,
                    "Proxy-Authorization", authorization);
            server.post(PATH, "not xml " + PASSWORD, "Authorization", authorization);
            log = capture.text();
        }
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).isEqualTo(without.body());
        assertThat(with.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertErrorAnswer(failedWith, 500, Requests.AUTODISCOVER_NS);
        // The capture works: the failures were logged, without anything secret in them.
        assertThat(log).contains("POST /Autodiscover/Autodiscover.xml -> 200: Autodiscover error 500: no mail provider is known for unknown.example")
                .contains("Autodiscover error 600");
        assertThat(log).doesNotContain(PASSWORD).doesNotContain(encoded).doesNotContain("Basic").doesNotContain("mario.rossi");
    }

    @Test
    void post_badRequests_eachGetsItsDefinedAnswer() throws Exception {
        String outlookNs = Requests.AUTODISCOVER_NS;
        String mobileNs = Requests.MOBILESYNC_SCHEMA;
        String twoRequests = Requests.mobileSync("a@polito.it").replaceAll("(?s)(<Request>.*</Request>)", "$1$1");
        String xxe = Requests.outlook("&xxe;@unimi.it").replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>");
        Object[][] cases = {
            {"", 600, outlookNs},
            {"not xml", 600, outlookNs},
            {Requests.outlook("a@unimi.it").replace("</Autodiscover>", ""), 600, outlookNs},
            {xxe, 600, outlookNs},
            {twoRequests, 600, mobileNs},
            {Requests.outlook(""), 600, outlookNs},
            {Requests.mobileSync(""), 600, mobileNs},
            {Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_SCHEMA, "urn:unknown"), 601, outlookNs},
            {Requests.outlook("a@unknown.example"), 500, outlookNs},
            {Requests.mobileSync("a@unknown.example"), 500, mobileNs},
            {Requests.outlook("x").replace("<EMailAddress>x</EMailAddress>", "<LegacyDN>/o=Org/cn=a</LegacyDN>"), 500, outlookNs},
            {Requests.outlook("not-an-address"), 501, outlookNs},
        };
        for (Object[] c : cases) {
            HttpResponse<byte[]> response = server.post(PATH, (String) c[0]);
            assertThat(response.statusCode()).as((String) c[0]).isEqualTo(200);
            assertErrorAnswer(response, (Integer) c[1], (String) c[2]);
        }
    }

    @Test
    void post_bodyLargerThan16KiB_is413() throws Exception {
        String request = Requests.outlook("a@unimi.it");
        int padding = RequestReader.MAX_BYTES - request.getBytes(StandardCharsets.UTF_8).length - "<!---->".length();
        String exactlyAtLimit = request + "<!--" + "x".repeat(padding) + "-->";
        assertThat(exactlyAtLimit.getBytes(StandardCharsets.UTF_8)).hasSize(RequestReader.MAX_BYTES);
        assertThat(server.post(PATH, exactlyAtLimit).statusCode()).isEqualTo(200);
        assertOutlookSettings(PoxXml.parse(server.post(PATH, exactlyAtLimit).body()),
                shipped.provider("unimi").orElseThrow(), EmailAddress.parse("a@unimi.it"));

        HttpResponse<byte[]> withLength = server.post(PATH, exactlyAtLimit + " ");
        assertThat(withLength.statusCode()).isEqualTo(413);

        byte[] large = (exactlyAtLimit + " ".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = server.request(PATH).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build();
        assertThat(server.send(chunked).statusCode()).isEqualTo(413);
    }

    @Test
    void post_httpCharsetIsHonouredWhenTheDocumentDeclaresNone() throws Exception {
        byte[] body = Requests.outlook("càrlo@unimi.it").replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        HttpRequest request = server.request(PATH).header("Content-Type", "text/xml; charset=\"windows-1252\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        assertOutlookSettings(xml(server.send(request)), shipped.provider("unimi").orElseThrow(), EmailAddress.parse("càrlo@unimi.it"));
    }

    @Test
    void get_withoutPublicUrl_isADefined405() throws Exception {
        HttpResponse<byte[]> response = server.get("/Autodiscover/Autodiscover.xml", "Host", "autodiscover.polito.it");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("--public-url");
    }
}
