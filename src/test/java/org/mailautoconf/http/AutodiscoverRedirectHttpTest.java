package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertError;
import static org.mailautoconf.testing.AutodiscoverExpectations.fields;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;
import org.mailautoconf.testing.RunningService;

/** Redirects: declared by test provider files, and the HTTP redirect method with a public URL. */
class AutodiscoverRedirectHttpTest {

    private static final String PATH = "/autodiscover/autodiscover.xml";
    private static final String PUBLIC = "https://autoconfig.example.net";
    private static RunningService server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningService.start(ServiceConfig.defaults()
                .withProvidersDir(Path.of("src/test/resources/providers/autodiscover"))
                .withPublicBaseUrl(Optional.of(URI.create(PUBLIC))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Element account(HttpResponse<byte[]> response) {
        return PoxXml.child(PoxXml.child(PoxXml.parse(response.body()), "Response"), "Account");
    }

    @Test
    void get_httpRedirectMethod_sendsOutlookToThePublicHttpsUrl_inEveryLetterCase() throws Exception {
        for (String path : List.of("/Autodiscover/Autodiscover.xml", "/autodiscover/autodiscover.xml", "/AutoDiscover/AutoDiscover.xml")) {
            HttpResponse<byte[]> response = server.get(path, "Host", "autodiscover.moved.example");
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains(PUBLIC + "/autodiscover/autodiscover.xml");
        }
    }

    @Test
    void get_atThePublicHostItself_isNotARedirectLoop() throws Exception {
        HttpResponse<byte[]> response = server.get(PATH, "Host", "autoconfig.example.net");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void post_providerRedirectToAddress() throws Exception {
        HttpResponse<byte[]> response = server.post(PATH, Requests.outlook("Mario@moved.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fields(account(response))).containsExactly("Action=redirectAddr", "RedirectAddr=Mario@new.example");

        HttpResponse<byte[]> mobile = server.post(PATH, Requests.mobileSync("Mario@moved.example"));
        Element response2 = PoxXml.child(PoxXml.parse(mobile.body()), "Response");
        assertThat(PoxXml.namespaceOf(response2)).isEqualTo(Requests.MOBILESYNC_SCHEMA);
        assertThat(fields(PoxXml.child(response2, "Action"))).containsExactly("Redirect=Mario@new.example");
    }

    @Test
    void post_aliasRedirectToAnotherServer_is302AndRedirectUrl() throws Exception {
        String target = "https://autodiscover.elsewhere.example/autodiscover/autodiscover.xml";
        HttpResponse<byte[]> response = server.post(PATH, Requests.outlook("boss@moved.example"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(target);
        assertThat(fields(account(response))).containsExactly("Action=redirectUrl", "RedirectUrl=" + target);

        HttpResponse<byte[]> mobile = server.post(PATH, Requests.mobileSync("boss@moved.example"));
        assertThat(mobile.statusCode()).isEqualTo(302);
        assertThat(mobile.headers().firstValue("Location")).contains(target);
    }

    @Test
    void post_providerRedirectToAnotherServer() throws Exception {
        HttpResponse<byte[]> response = server.post("/AutoDiscover/AutoDiscover.xml", Requests.mobileSync("x@remote.example"));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .contains("https://autodiscover.remote.example/autodiscover/autodiscover.xml");
    }

    @Test
    void post_redirectThatMakesNoAddress_is602() throws Exception {
        HttpResponse<byte[]> response = server.post(PATH, Requests.outlook("abcdefghijabcdefghijabcdefghijabcdefghij@moved.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertError(PoxXml.parse(response.body()), 602, Requests.AUTODISCOVER_NS);
    }

    @Test
    void post_notRedirected_answersSettings() throws Exception {
        HttpResponse<byte[]> response = server.post(PATH, Requests.mobileSync("a@varied.example"));
        assertThat(response.statusCode()).isEqualTo(200);
        Element server = PoxXml.child(PoxXml.child(PoxXml.child(PoxXml.child(PoxXml.parse(response.body()), "Response"), "Action"), "Settings"), "Server");
        assertThat(PoxXml.text(server, "Type")).isEqualTo("MobileSync");
    }
}
