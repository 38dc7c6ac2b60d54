package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;

@ExtendWith(VertxExtension.class)
class SetupPageHttpTest {

    static HttpService service;
    static int port;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        service = new HttpService(vertx, ServiceConfig.defaults().withPort(0).withProvidersDir(Registries.SHIPPED));
        port = service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        service.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void root_italianBrowser_italianPageWithStrictHeaders() throws Exception {
        HttpResponse<String> r = get("/", "Accept-Language", "it-IT,it;q=0.9,en;q=0.8");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'none'").containsPattern("script-src 'sha256-[A-Za-z0-9+/]{43}=';")
                .doesNotContain("script-src 'unsafe-inline'"));
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.body()).contains("<html lang=\"it\">", "Configura la posta");
    }

    @Test
    void root_otherBrowser_englishPage() throws Exception {
        assertThat(get("/", "Accept-Language", "de-DE,de;q=0.9").body()).contains("<html lang=\"en\">", "Set up your mail");
        assertThat(get("/?lang=it", "Accept-Language", "en").body()).contains("<html lang=\"it\">");
    }

    @Test
    void root_onAutoconfigHostOfAProvider_namesIt() throws Exception {
        assertThat(get("/", "Host", "autoconfig.polito.it", "Accept-Language", "en").body()).contains("Set up your PoliTo mail");
    }

    @Test
    void root_withAddress_settingsAndProfileLink() throws Exception {
        HttpResponse<String> r = get("/?emailaddress=mario.rossi%40polito.it&lang=en&app=iphone");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/mobileconfig?emailaddress=mario.rossi%40polito.it\"", "mail.polito.it", "993");
    }

    @Test
    void root_withAddress_guideFromUserAgentAndQrCodeForTheRequestedHost() throws Exception {
        HttpResponse<String> r = get("/?emailaddress=mario.rossi%40polito.it&lang=en", "Host", "autoconfig.polito.it",
                "User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.5.2");

        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Language, User-Agent");
        assertThat(r.body()).contains("<div id=\"steps\" data-app=\"thunderbird\">",
                "<p class=\"hint url\" id=\"qr-url\">http://autoconfig.polito.it/?emailaddress=mario.rossi%40polito.it</p>");
    }

    @Test
    void root_withAddress_hostThatIsNotAHostName_noQrCode() throws Exception {
        HttpResponse<String> r = get("/?emailaddress=mario.rossi%40polito.it&lang=en", "Host", "evil_host");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("mail.polito.it").doesNotContain("id=\"qr\"");
    }

    @Test
    void root_badOrUnknownAddress_pageWith4xx() throws Exception {
        HttpResponse<String> bad = get("/?emailaddress=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        HttpResponse<String> unknown = get("/?emailaddress=mario%40unknown.example&lang=en");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("We do not know the mail settings for unknown.example.");
    }
}
