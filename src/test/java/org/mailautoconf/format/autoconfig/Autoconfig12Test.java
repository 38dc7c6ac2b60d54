package org.mailautoconf.format.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.format.autoconfig.ThunderbirdReading.ServerView;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Autoconfig 1.2 (draft -06 names) for a provider with JMAP, CalDAV, CardDAV, WebDAV and
 * ManageSieve: the sections are there, and both Thunderbirds still set up the same mail account.
 */
class Autoconfig12Test {

    @TempDir
    Path dir;

    private Document render(AutoconfigRenderer renderer, Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Provider p = registry.providerFor(a.domain()).orElseThrow().provider();
        return Xml.parse(renderer.render(p, a.domain(), Optional.of(a)));
    }

    @Test
    void davProvider_defaultAnswer_hasTheDraftSections_andBothThunderbirdsSetUpTheSameMail() {
        Document doc = render(new AutoconfigRenderer(), DavProvider.withShipped(dir), "mario@dav.example");
        Element root = doc.getDocumentElement();
        assertThat(root.getAttribute("version")).isEqualTo("1.2");
        Element p = ThunderbirdReading.provider(doc);

        Element jmap = Xml.children(p, "incomingServer").get(1);
        assertThat(jmap.getAttribute("type")).isEqualTo("jmap");
        assertThat(Xml.text(jmap, "url")).isEqualTo("https://jmap.dav.example/.well-known/jmap");
        assertThat(Xml.children(jmap, "authentication")).extracting(e -> e.getAttribute("system") + ":" + e.getTextContent())
                .containsExactly("http:Basic", ":OAuth2");
        assertThat(Xml.text(jmap, "username")).isEqualTo("mario@dav.example");
        assertThat(Xml.childNames(p)).containsSubsequence("outgoingServer", "calendar", "addressbook", "fileShare", "setupServer");
        assertThat(Xml.text(Xml.children(p, "calendar").get(0), "url")).isEqualTo("https://dav.dav.example/calendars/");
        assertThat(Xml.children(p, "calendar").get(0).getAttribute("type")).isEqualTo("caldav");
        assertThat(Xml.children(p, "addressbook").get(0).getAttribute("type")).isEqualTo("carddav");
        assertThat(Xml.children(p, "fileShare").get(0).getAttribute("type")).isEqualTo("webdav");
        Element sieve = Xml.children(p, "setupServer").get(0);
        assertThat(sieve.getAttribute("type")).isEqualTo("managesieve");
        assertThat(Xml.text(sieve, "port")).isEqualTo("4190");
        assertThat(Xml.text(sieve, "socketType")).isEqualTo("STARTTLS");
        assertThat(Xml.children(sieve, "authentication").get(0).getAttribute("system")).isEqualTo("sasl");
        assertThat(Xml.text(Xml.children(root, "oAuth2").get(0), "clientID")).isEqualTo("mail-clients");

        ServerView imap = new ServerView("imap", "imap.dav.example", 993, "SSL", "mario@dav.example",
                List.of("OAuth2", "password-cleartext"));
        assertThat(ThunderbirdReading.desktopIncoming(doc)).isEqualTo(imap);
        assertThat(ThunderbirdReading.servers(p, "incomingServer")).containsExactly(imap);
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
        assertThat(ThunderbirdReading.desktopNoise(doc)).isEmpty();
    }

    @Test
    void shippedProviders_defaultAnswerStays11() {
        Registry shipped = Registries.shipped();
        for (Provider p : Registries.providers(shipped)) {
            String address = "mario@" + p.primaryDomain().orElseThrow().ascii();
            assertThat(render(new AutoconfigRenderer(), shipped, address).getDocumentElement().getAttribute("version"))
                    .as(p.id()).isEqualTo("1.1");
        }
    }

    @Test
    void saslMechanisms_ofMailServers_onlyWhenAskedFor12() {
        Registries.write(dir, "sasl.yaml", DavProvider.SASL_FIRST);
        Registry registry = Registries.load(dir);
        Document byDefault = render(new AutoconfigRenderer(), registry, "a@sasl.example");
        Document asked = render(AutoconfigRenderer.version12(), registry, "a@sasl.example");

        Element imap = Xml.children(ThunderbirdReading.provider(byDefault), "incomingServer").get(0);
        assertThat(Xml.children(imap, "authentication")).extracting(Element::getTextContent).containsExactly("password-cleartext");
        assertThat(byDefault.getDocumentElement().getAttribute("version")).isEqualTo("1.1");

        Element imap12 = Xml.children(ThunderbirdReading.provider(asked), "incomingServer").get(0);
        assertThat(Xml.children(imap12, "authentication")).extracting(e -> e.getAttribute("system") + ":" + e.getTextContent())
                .containsExactly("sasl:SCRAM-SHA-256", ":password-cleartext");
        assertThat(asked.getDocumentElement().getAttribute("version")).isEqualTo("1.2");
        // The mechanism comes first, and both clients pass over it to password-cleartext.
        assertThat(ThunderbirdReading.desktopIncoming(asked).auth()).contains("password-cleartext");
        assertThat(ThunderbirdReading.androidRejection(asked)).isNull();
    }
}
