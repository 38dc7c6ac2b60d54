package org.mailautoconf.format.setuppage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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

    private static List<String> rows(Document d) {
        List<String> out = new ArrayList<>();
        NodeList trs = byId(d, "settings").getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList cells = ((Element) trs.item(i)).getChildNodes();
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < cells.getLength(); c++) {
                texts.add(cells.item(c).getTextContent());
            }
            out.add(String.join(" | ", texts));
        }
        return out;
    }

    private static Outcome.Found found(Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        return new Outcome.Found(registry.providerFor(a.domain()).orElseThrow().provider(), a);
    }

    @Test
    void render_form_italianAndAccessible() throws Exception {
        Document d = parse(page.render(Language.IT, new Outcome.Form(Optional.empty())));

        assertThat(d.getDocumentElement().getAttribute("lang")).isEqualTo("it");
        assertThat(d.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("Configura la posta");
        Element input = byId(d, "emailaddress");
        assertThat(input.getAttribute("type")).isEqualTo("email");
        assertThat(((Element) d.getElementsByTagName("label").item(0)).getAttribute("for")).isEqualTo("emailaddress");
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getElementsByTagName("link").getLength()).as("no external assets").isZero();
        assertThat(((Element) d.getElementsByTagName("footer").item(0)).getElementsByTagName("a").item(0).getTextContent())
                .isEqualTo("English");
    }

    @Test
    void render_formOnProviderHost_namesTheProvider() throws Exception {
        Provider polito = Registries.shipped().provider("polito").orElseThrow();

        Document d = parse(page.render(Language.EN, new Outcome.Form(Optional.of(polito))));

        assertThat(d.getElementsByTagName("h1").item(0).getTextContent()).isEqualTo("Set up your PoliTo mail");
    }

    @Test
    void render_polito_profileLinkAndSettingsTable() throws Exception {
        Document d = parse(page.render(Language.EN, found(Registries.shipped(), "mario.rossi+tag@polito.it")));

        assertThat(byId(d, "profile-link").getAttribute("href")).isEqualTo("/mobileconfig?emailaddress=mario.rossi%2Btag%40polito.it");
        assertThat(byId(d, "apple").getTextContent()).contains("Safari or Chrome");
        assertThat(rows(d)).containsExactly(
                "Use | Protocol | Server | Port | Security | User name | Authentication",
                "Incoming mail | IMAP | mail.polito.it | 993 | SSL/TLS | mario.rossi+tag@polito.it | Normal password",
                "Incoming mail | POP3 | mail.polito.it | 995 | SSL/TLS | mario.rossi+tag@polito.it | Normal password",
                "Outgoing mail | SMTP | mail.polito.it | 465 | SSL/TLS | mario.rossi+tag@polito.it | Normal password",
                "Exchange ActiveSync | ActiveSync | mail.polito.it | 443 | SSL/TLS | mario.rossi+tag | Normal password");
    }

    @Test
    void render_halnetItalian_askUserHintAndCaLink() throws Exception {
        Document d = parse(page.render(Language.IT, found(Registries.shipped(), "mario.rossi@hln.it")));

        assertThat(rows(d)).contains(
                "Posta in uscita | SMTP | smtp.hln.it | 587 | STARTTLS | Il nome utente del servizio SMTP autenticato fornito"
                        + " da Halnet (diverso da quello della casella). | Password normale");
        assertThat(byId(d, "ca-note").getTextContent()).contains("certificato principale", "http://www.hln.it/file/cacert.crt");
        assertThat(byId(d, "documentation").getTextContent()).contains("Certificato principale di Halnet");
    }

    @Test
    void render_halnetWithCa_trustStepForIos(@TempDir Path dir) throws Exception {
        Registry registry = Registries.load(Registries.shippedWithHalnetCa(dir, TestPki.rootCa("Halnet Test CA")));

        Document d = parse(page.render(Language.EN, found(registry, "mario.rossi@hln.it")));

        assertThat(byId(d, "ca-note").getTextContent()).contains("Certificate Trust Settings");
    }

    @Test
    void render_timPec_secondaryPasswordStepFirst() throws Exception {
        Document d = parse(page.render(Language.IT, found(Registries.shipped(), "mario.rossi@pec.telecomitalia.it")));

        Element enable = byId(d, "enable");
        assertThat(enable.getTextContent()).contains("password secondaria", "https://devicepassword.pectim.it");
        assertThat(rows(d)).hasSize(1 + 2 + 1).anySatisfy(r -> assertThat(r).contains("mario.rossi@pec.telecomitalia.it*mario.rossi"));
    }

    @Test
    void render_hostileProviderAndAddress_everythingEscaped() throws Exception {
        Registry registry = Registries.load(Path.of("src/test/resources/providers/hostile"));

        byte[] html = page.render(Language.EN, found(registry, "a&b<c>\"'@example.org"));

        String text = new String(html, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("<script", "<img", "<b>", "<c>");
        Document d = parse(html);
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(d.getElementsByTagName("img").getLength()).isZero();
        assertThat(d.getElementsByTagName("b").getLength()).isZero();
        assertThat(byId(d, "emailaddress").getAttribute("value")).isEqualTo("a&b<c>\"'@example.org");
        assertThat(byId(d, "enable").getTextContent()).contains("First <script>alert('en')</script> & then");
        assertThat(byId(d, "documentation").getTextContent()).contains("Help <img src=x onerror=alert(1)> & more");
        assertThat(((Element) byId(d, "documentation").getElementsByTagName("a").item(0)).getAttribute("href"))
                .isEqualTo("https://example.org/help?x=%221%22&y=%3C2%3E");
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Set up your E&vil< mail");
    }

    @Test
    void render_invalidHostileTypedText_shownBackEscapedWithoutControlCharacters() throws Exception {
        byte[] html = page.render(Language.EN, new Outcome.Invalid("\"><script>alert(1)</script>\u0001"));

        Document d = parse(html);
        assertThat(d.getElementsByTagName("script").getLength()).isZero();
        assertThat(byId(d, "emailaddress").getAttribute("value")).isEqualTo("\"><script>alert(1)</script>");
        assertThat(byId(d, "emailaddress").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(byId(d, "result").getAttribute("role")).isEqualTo("alert");
    }

    @Test
    void render_unknownDomain_saysSo() throws Exception {
        Document d = parse(page.render(Language.IT, new Outcome.Unknown("x@esempio.it", DomainName.parse("esempio.it"))));

        assertThat(byId(d, "result").getTextContent()).isEqualTo("Non conosciamo le impostazioni di posta per esempio.it.");
    }

    @Test
    void render_emptyElements_haveEndTags() {
        String text = new String(page.render(Language.EN, found(Registries.shipped(), "mario.rossi@polito.it")), StandardCharsets.UTF_8);

        // HTML has no self-closing <td/>; only void elements may end in "/>".
        assertThat(text).startsWith("<!DOCTYPE html><html lang=\"en\">").doesNotContainPattern("<(?!meta|input)[a-z0-9]+[^>]*/>");
    }
}
