package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.BrandedProvider;
import org.mailautoconf.testing.RunningService;

/** {@code /branding/<id>/logo} and the setup page that shows it, on the real service. */
class BrandingHttpTest {

    private static final Pattern LOGO_SRC = Pattern.compile("<img class=\"brand-logo\" id=\"brand-logo\" src=\"([^\"]+)\" alt=\"([^\"]+)\"/>");

    @TempDir
    static Path dir;
    static RunningService service;

    @BeforeAll
    static void start() {
        BrandedProvider.withShipped(dir);
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50)));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static Matcher logoOnPage(String lang) {
        HttpResponse<byte[]> page = service.get("/?emailaddress=mario.rossi%40acme.example&lang=" + lang);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("img-src 'self';"));
        Matcher m = LOGO_SRC.matcher(new String(page.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the page has the logo").isTrue();
        return m;
    }

    @Test
    void thePage_showsTheLogoWithTheNameInItsLanguage_andServesIt() {
        Matcher en = logoOnPage("en");
        assertThat(en.group(2)).isEqualTo(BrandedProvider.NAME_EN);
        assertThat(en.group(1)).matches("/branding/acme/logo\\?v=[0-9a-f]{16}");
        assertThat(logoOnPage("it").group(2)).isEqualTo(BrandedProvider.NAME_IT);

        HttpResponse<byte[]> logo = service.get(en.group(1));

        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(BrandedProvider.LOGO.getBytes(StandardCharsets.UTF_8));
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(logo.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
        assertThat(logo.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).startsWith("max-age="));
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'none'").contains("sandbox").doesNotContain("script-src"));
    }

    @Test
    void theFormOnTheProvidersOwnHost_showsItsBrandToo() {
        HttpResponse<byte[]> form = service.get("/?lang=en", "Host", "autoconfig." + BrandedProvider.DOMAIN);

        Matcher m = LOGO_SRC.matcher(new String(form.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).as("the form has the logo").isTrue();
        assertThat(m.group(2)).isEqualTo(BrandedProvider.NAME_EN);
    }

    @Test
    void theSameLogoAgain_is304_andHeadHasTheHeadersWithoutTheBody() {
        HttpResponse<byte[]> first = service.get("/branding/acme/logo");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> again = service.get("/branding/acme/logo", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> head = service.send(service.request("/branding/acme/logo").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(first.body().length));
        assertThat(head.headers().firstValue("ETag")).hasValue(etag);
    }

    @Test
    void anUnknownIdOrAProviderWithoutLogo_is404() {
        assertThat(service.get("/branding/nobody/logo").statusCode()).isEqualTo(404);
        assertThat(service.get("/branding/polito/logo").statusCode()).isEqualTo(404);
        assertThat(service.get("/branding/%3Cscript%3E/logo").statusCode()).isEqualTo(404);
        // The shipped providers have no branding: their pages show no logo.
        assertThat(new String(service.get("/?emailaddress=mario.rossi%40polito.it").body(), StandardCharsets.UTF_8))
                .doesNotContain("id=\"brand\"");
    }

    @Test
    void aReplacedLogoFile_isServedAfterTheWatcherSeesIt() {
        String before = service.get("/branding/acme/logo").headers().firstValue("ETag").orElseThrow();
        byte[] replaced = BrandedProvider.LOGO.replace("#0b3d91", "#7b1fa2").getBytes(StandardCharsets.UTF_8);
        try {
            // Only the logo changes: the provider file is the same bytes.
            BrandedProvider.writeLogo(dir, replaced);
            RunningService.await(Duration.ofSeconds(15), "the new logo", () -> Arrays.equals(service.get("/branding/acme/logo").body(), replaced));
            assertThat(service.get("/branding/acme/logo").headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
            assertThat(logoOnPage("en").group(1)).doesNotContain(before.substring(1, 17));
        } finally {
            BrandedProvider.writeLogo(dir, BrandedProvider.LOGO.getBytes(StandardCharsets.UTF_8));
            RunningService.await(Duration.ofSeconds(15), "the logo back", () -> service.get("/branding/acme/logo").headers()
                    .firstValue("ETag").orElseThrow().equals(before));
        }
    }
}
