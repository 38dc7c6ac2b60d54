package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.TestPki;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SetupPageTest {

    private final SetupPage page = new SetupPage();

    /** The page is well-formed XML too (StAX wrote it), so a strict parser reads what a browser would. */
    private static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        var builder = f.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(html));
    }

    private static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    /** Each server card as "heading | label value | label value ...". */
    private static List<String> cards(Document d) {
        List<String> out = new ArrayList<>();
        NodeList sections = byId(d, "settings").getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            Element card = (Element) sections.item(i);
            List<String> texts = new ArrayList<>();
            texts.add(card.getElementsByTagName("h4").item(0).getTextContent());
            NodeList fields = card.getElementsByTagName("div");
            for (int f = 0; f < fields.getLength(); f++) {
                Element field = (Element) fields.item(f);
                texts.add(field.getElementsByTagName("dt").item(0).getTextContent() + " "
                        + field.getElementsByTagName("dd").item(0).getTextContent());
            }
            out.add(String.join(" | ", texts));
        }
        return out;
    }

    private byte[] render(Language language, Outcome outcome) {
        return page.render(language, outcome, Optional.empty(), Optional.empty());
    }

    private byte[] render(Language language, Outcome outcome, Guide guide) {
        return page.render(language, outcome, Optional.of(guide), Optional.empty());
    }

    /** Where the element with this id starts in document order. */
    private static int indexOf(Document d, String id) {
        NodeList all = d.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return i;
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private static Outcome.Found found(Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        return new Outcome.Found(registry.providerFor(a.domain()).orElseThrow().provider(), a);
    }

    @Test
    void render_form_italianAndAccessible() throws Exception {
        Document d = parse(render(Language.IT, new Outcome.Form(Optional.empty())));

        assertThat(d.getDocumentElement().getAttribute("lang")).isEqualTo("it");
        assertThat(d.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("Configura la posta");
        Element input = byId(d, "emailaddress");
        assertThat(input.getAttribute("type")).isEqualTo("email");
        assertThat(((Element) d.getElementsByTagName("label").item(0)).getAttribute("for")).isEqualTo("emailaddress");
        assertThat(d.getElementsByTagName("script").getLength()).as("only the inline copy script").isEqualTo(1);
        assertThat(((Element) d.getElementsByTagName("script").item(0)).hasAttribute("src")).isFalse();
        assertThat(d.getElementsByTagName("link").getLength()).as("no external assets").isZero();
        assertThat(((Element) d.getElementsByTagName("footer").item(0)).getElementsByTagName("a").item(0).getTextContent())
                .isEqualTo("English");
    }

    @Test
    void render_formOnProviderHost_namesTheProvider() throws Exception {
        Provider polito = Registries.shipped().provider("polito").orElseThrow();

        Document d = parse(render(Language.EN, new Outcome.Form(Optional.of(polito))));

        assertThat(d.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("Set up your PoliTo mail");
    }

    @Test
    void render_politoIphone_profileLinkAndSettingsCards() throws Exception {
        Document d = parse(render(Language.EN, found(Registries.shipped(), "mario.rossi+tag@polito.it"), Guide.IPHONE));

        assertThat(byId(d, "profile-link").getAttribute("href")).isEqualTo("/mobileconfig?emailaddress=mario.rossi%2Btag%40polito.it");
        assertThat(byId(d, "steps").getTextContent()).contains("Safari or Chrome", "Profile Downloaded", "your mailbox password");
        assertThat(cards(d)).containsExactly(
                "Incoming mail IMAP | User name mario.rossi+tag@polito.it | Server mail.polito.it | Port 993 | Security SSL/TLS | Authentication Normal password",
                "Incoming mail POP3 | User name mario.rossi+tag@polito.it | Server mail.polito.it | Port 995 | Security SSL/TLS | Authentication Normal password",
                "Outgoing mail SMTP | User name mario.rossi+tag@polito.it | Server mail.polito.it | Port 465 | Security SSL/TLS | Authentication Normal password",
                "Exchange ActiveSync ActiveSync | User name mario.rossi+tag | Server mail.polito.it | Port 443 | Security SSL/TLS | Authentication Normal password");
    }

    @Test
    void render_halnetItalian_askUserHintAndCaLink() throws Exception {
        Document d = parse(render(Language.IT, found(Registries.shipped(), "mario.rossi@hln.it"), Guide.THUNDERBIRD));

        assertThat(cards(d)).contains(
                "Posta in uscita SMTP | Nome utente Il nome utente del servizio SMTP autenticato fornito"
                        + " da Halnet (diverso da quello della casella). | Server smtp.hln.it | Porta 587 | Sicurezza STARTTLS"
                        + " | Autenticazione Password normale");
        assertThat(byId(d, "askuser-note").getTextContent()).contains("configurazione manuale");
        assertThat(byId(d, "enable").getTextContent()).as("the certificate comes before the guide").contains("certificato principale");
        assertThat(byId(d, "ca-note").getTextContent()).contains("certificato principale", "http://www.hln.it/file/cacert.crt");
        assertThat(byId(d, "documentation").getTextContent()).contains("Certificato principale di Halnet");
    }

    @Test
    void render_halnetWithCa_trustStepForIos(@TempDir Path dir) throws Exception {
        Registry registry = Registries.load(Registries.shippedWithHalnetCa(dir, TestPki.rootCa("Halnet Test CA")));

        Document d = parse(render(Language.EN, found(registry, "mario.rossi@hln.it"), Guide.IPHONE));

        assertThat(byId(d, "ca-note").getTextContent()).contains("Certificate Trust Settings");
        assertThat(byId(d, "steps").getTextContent()).contains("Certificate Trust Settings");
    }

    @Test
    void render_timPec_secondaryPasswordStepFirst() throws Exception {
        Document d = parse(render(Language.IT, found(Registries.shipped(), "mario.rossi@pec.telecomitalia.it"), Guide.OUTLOOK));

        Element enable = byId(d, "enable");
        assertThat(enable.getTextContent()).contains("password secondaria", "https://devicepassword.pectim.it");
        assertThat(indexOf(d, "enable")).as("before the guide").isLessThan(indexOf(d, "guide"));
        assertThat(byId(d, "steps").getTextContent()).as("which password").contains("la password di «Prima di iniziare»");
        assertThat(cards(d)).hasSize(2 + 1).allSatisfy(r -> assertThat(r).contains("mario.rossi@pec.telecomitalia.it*mario.rossi"));
    }

    @Test
    void render_hostileProviderAndAddress_everythingEscaped() throws Exception {
        Registry registry = Registries.load(Path.of("src/test/resources/providers/hostile"));

        byte[] html = page.render(Language.EN, found(registry, "a&b<c>\"'@example.org"), Optional.of(Guide.IPHONE),
                Optional.of(URI.create("http://autoconfig.example.org")));

        String text = new String(html, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<script>alert", "<img", "<b>", "<c>");
        assertThat(text.split("<script", -1)).as("only the page's own script").hasSize(2);
        Document d = parse(html);
        assertThat(d.getElementsByTagName("script").getLength()).isEqualTo(1);
        assertThat(d.getElementsByTagName("img").getLength()).isZero();
        assertThat(d.getElementsByTagName("b").getLength()).isZero();
        assertThat(byId(d, "result-heading").getTextContent()).isEqualTo("Settings for a&b<c>\"'@example.org");
        assertThat(byId(d, "qr-url").getTextContent()).isEqualTo("http://autoconfig.example.org/?emailaddress=a%26b%3Cc%3E%22%27%40example.org");
        assertThat(byId(d, "emailaddress").getAttribute("value")).isEqualTo("a&b<c>\"'@example.org");
        assertThat(byId(d, "enable").getTextContent()).contains("First <script>alert('en')</script> & then");
        assertThat(byId(d, "documentation").getTextContent()).contains("Help <img src=x onerror=alert(1)> & more");
        assertThat(((Element) byId(d, "documentation").getElementsByTagName("a").item(0)).getAttribute("href"))
                .isEqualTo("https://example.org/help?x=%221%22&y=%3C2%3E");
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Set up your E&vil< mail");
    }

    @Test
    void render_invalidHostileTypedText_shownBackEscapedWithoutControlCharacters() throws Exception {
        byte[] html = render(Language.EN, new Outcome.Invalid("\"><script>alert(1)</script>\u0001"));

        Document d = parse(html);
        assertThat(d.getElementsByTagName("script").getLength()).isEqualTo(1);
        assertThat(byId(d, "emailaddress").getAttribute("value")).isEqualTo("\"><script>alert(1)</script>");
        assertThat(byId(d, "emailaddress").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId(d, "result").getAttribute("role")).isEqualTo("alert");
    }

    @Test
    void render_unknownDomain_saysSo() throws Exception {
        Document d = parse(render(Language.IT, new Outcome.Unknown("x@esempio.it", DomainName.parse("esempio.it"))));

        assertThat(byId(d, "result").getTextContent()).isEqualTo("Non conosciamo le impostazioni di posta per esempio.it.");
    }

    @Test
    void render_emptyElements_haveEndTags() {
        String text = new String(page.render(Language.EN, found(Registries.shipped(), "mario.rossi@polito.it"), Optional.of(Guide.MAC),
                Optional.of(URI.create("https://autoconfig.polito.it"))), StandardCharsets.UTF_8);

        // HTML has no self-closing <td/>; only void elements (and SVG's, which are foreign) may end in "/>".
        assertThat(text).startsWith("<!DOCTYPE html>\n<html lang=\"en\">").doesNotContainPattern("<(?!meta|input|rect|path)[a-z0-9]+[^>]*/>");
    }
}
