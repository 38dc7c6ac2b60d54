package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.testing.BrandedProvider;
import org.mailautoconf.testing.Registries;

/** The brand line of the setup page: the logo named by the provider's name, escaped like every value. */
class SetupPageBrandingTest {

    private final SetupPage page = new SetupPage();

    private static Provider provider(Path dir, String branding) throws Exception {
        Files.createDirectories(dir.resolve("logos"));
        Files.writeString(dir.resolve("logos/acme.svg"), BrandedProvider.LOGO);
        Registries.write(dir, "acme.yaml", branding + """
                id: acme
                name: "Acme & Sons"
                domains: [acme.example]
                incoming: [{type: imap, hostname: imap.acme.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.acme.example, port: 465, security: tls}]
                """);
        return Registries.load(dir).provider("acme").orElseThrow();
    }

    private String render(Provider p, Language language) {
        return new String(page.render(language, new Outcome.Found(p, EmailAddress.parse("a@acme.example")), Optional.empty(),
                Optional.empty()), StandardCharsets.UTF_8);
    }

    @Test
    void hostileName_isEscapedInTheAltTextAndBesideIt(@TempDir Path dir) throws Exception {
        Provider p = provider(dir, "branding: {name: '\"><script>alert(1)</script>', logo: logos/acme.svg}\n");
        String sha = p.branding().flatMap(Branding::logo).orElseThrow().sha256();

        String html = render(p, Language.EN);

        assertThat(html).contains("<img class=\"brand-logo\" id=\"brand-logo\" src=\"/branding/acme/logo?v=" + sha.substring(0, 16)
                + "\" alt=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"/>");
        assertThat(html).contains("<span class=\"brand-name\" aria-hidden=\"true\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>");
        assertThat(html.split("<script", -1)).as("only the page's own script").hasSize(2);
    }

    @Test
    void logoWithoutName_isNamedByTheProvidersName_andANameAloneIsText(@TempDir Path dir) throws Exception {
        assertThat(render(provider(dir, "branding: {logo: logos/acme.svg}\n"), Language.IT)).contains("alt=\"Acme &amp; Sons\"");

        String nameOnly = render(provider(dir.resolve("b"), "branding: {name: {it: Posta Acme, en: Acme Mail}}\n"), Language.IT);
        assertThat(nameOnly).contains("<p class=\"brand\" id=\"brand\"><span class=\"brand-name\">Posta Acme</span></p>")
                .doesNotContain("<img");
    }

    @Test
    void unbrandedProvider_hasNoBrandLine() {
        Provider polito = Registries.shipped().provider("polito").orElseThrow();

        assertThat(render(polito, Language.EN)).doesNotContain("id=\"brand\"");
    }

    @Test
    void thePolicy_allowsImagesFromThisServiceOnly() {
        assertThat(page.contentSecurityPolicy()).contains("default-src 'none'", " img-src 'self';").doesNotContain("data:");
    }
}
