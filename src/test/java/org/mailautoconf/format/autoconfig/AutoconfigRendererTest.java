package org.mailautoconf.format.autoconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.format.autoconfig.ThunderbirdReading.ServerView;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AutoconfigRendererTest {

    private static final Registry SHIPPED = Registries.shipped();
    private final AutoconfigRenderer renderer = new AutoconfigRenderer();

    private Document render(Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Provider p = registry.providerFor(a.domain()).orElseThrow().provider();
        return Xml.parse(renderer.render(p, a.domain(), Optional.of(a)));
    }

    private static ServerView server(String type, String host, int port, String socket, String user) {
        return new ServerView(type, host, port, socket, user, List.of("password-cleartext"));
    }

    @Test
    void timPec_givesTheGuidesServersAndAddressStarUserLogin() {
        Document doc = render(SHIPPED, "mario.rossi@timpec.it");
        Element p = ThunderbirdReading.provider(doc);
        String login = "mario.rossi@timpec.it*mario.rossi";
        assertThat(ThunderbirdReading.servers(p, "incomingServer")).containsExactly(
                server("imap", "imap.pectim.it", 993, "SSL", login),
                server("pop3", "pop3s.pectim.it", 995, "SSL", login));
        assertThat(ThunderbirdReading.servers(p, "outgoingServer")).containsExactly(
                server("smtp", "smtp.pectim.it", 465, "SSL", login),
                server("smtp", "smtps.pectim.it", 465, "SSL", login),
                server("smtp", "smtpm.pectim.it", 465, "SSL", login),
                server("smtp", "smtpsm.pectim.it", 465, "SSL", login));
        Element pop3 = Xml.children(Xml.children(p, "incomingServer").get(1), "pop3").get(0);
        assertThat(Xml.text(pop3, "leaveMessagesOnServer")).isEqualTo("true");
        Element enable = Xml.children(p, "enable").get(0);
        assertThat(enable.getAttribute("visiturl")).isEqualTo("https://devicepassword.pectim.it");
        assertThat(Xml.children(enable, "instruction")).extracting(e -> e.getAttribute("lang")).containsExactly("it", "en");
        assertThat(Xml.children(p, "domain")).extracting(Element::getTextContent)
                .containsExactly("timpec.it", "pec.timpec.it", "pec.telecomitalia.it", "telecompost.it", "pectim.it");
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
    }

    @Test
    void timPec_otherDomainOfTheGuide_isItsOwnProviderId() {
        Document doc = render(SHIPPED, "mario.rossi@pec.telecomitalia.it");
        Element p = ThunderbirdReading.provider(doc);
        assertThat(p.getAttribute("id")).isEqualTo("pec.telecomitalia.it");
        assertThat(Xml.children(p, "domain").get(0).getTextContent()).isEqualTo("pec.telecomitalia.it");
        assertThat(ThunderbirdReading.servers(p, "incomingServer").get(0).username())
                .isEqualTo("mario.rossi@pec.telecomitalia.it*mario.rossi");
    }

    @Test
    void polito_givesMailPolitoItWithSslOnEveryPort() {
        Document doc = render(SHIPPED, "nome.cognome@polito.it");
        Element p = ThunderbirdReading.provider(doc);
        String login = "nome.cognome@polito.it";
        assertThat(ThunderbirdReading.servers(p, "incomingServer")).containsExactly(
                server("imap", "mail.polito.it", 993, "SSL", login),
                server("pop3", "mail.polito.it", 995, "SSL", login));
        assertThat(ThunderbirdReading.servers(p, "outgoingServer")).containsExactly(
                server("smtp", "mail.polito.it", 465, "SSL", login));
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
        assertThat(ThunderbirdReading.desktopIncoming(doc).type()).isEqualTo("imap");
    }

    @Test
    void halnet_smtpOnSubmissionPortWithStarttlsAndTheAskUserStandIn() {
        Document doc = render(SHIPPED, "iuriturchi@hln.it");
        Element p = ThunderbirdReading.provider(doc);
        String standIn = LoginTemplate.AskUser.STAND_IN;
        assertThat(ThunderbirdReading.servers(p, "outgoingServer")).containsExactly(
                server("smtp", "smtp.hln.it", 587, "STARTTLS", standIn),
                server("smtp", "smtp.hln.it", 465, "SSL", standIn));
        assertThat(ThunderbirdReading.desktopIncoming(doc))
                .isEqualTo(server("pop3", "mail.hln.it", 995, "SSL", "iuriturchi@hln.it"));
        // G.1: neither "undefined" nor "true" in Thunderbird, and Thunderbird for Android reads the document.
        Element smtp = Xml.children(p, "outgoingServer").get(0);
        assertThat(ThunderbirdReading.desktopOutgoingUsername(smtp)).isEqualTo(standIn);
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
    }

    @Test
    void halnet_withoutAnAddressTheStandInStaysToo() {
        DomainName hln = DomainName.parse("hln.it");
        Document doc = Xml.parse(renderer.render(SHIPPED.providerFor(hln).orElseThrow().provider(), hln, Optional.empty()));
        Element p = ThunderbirdReading.provider(doc);
        assertThat(ThunderbirdReading.servers(p, "outgoingServer")).extracting(ServerView::username)
                .containsOnly(LoginTemplate.AskUser.STAND_IN);
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
    }

    /** The reader model pins what formats.md G.1 read in Thunderbird's code, so the stand-in is needed. */
    @Test
    void thunderbirdDesktop_missingUsernameIsUndefinedAndEmptyIsTrue() {
        Document doc = Xml.parse(("""
                <clientConfig version="1.1"><emailProvider id="example.org"><domain>example.org</domain>
                <incomingServer type="imap"><hostname>imap.example.org</hostname><port>993</port>
                <socketType>SSL</socketType><username>%EMAILADDRESS%</username>
                <authentication>password-cleartext</authentication></incomingServer>
                <outgoingServer type="smtp"><hostname>a.example.org</hostname><port>465</port><socketType>SSL</socketType>
                <authentication>password-cleartext</authentication></outgoingServer>
                <outgoingServer type="smtp"><hostname>b.example.org</hostname><port>465</port><socketType>SSL</socketType>
                <username/><authentication>password-cleartext</authentication></outgoingServer>
                <outgoingServer type="smtp"><hostname>c.example.org</hostname><port>25</port><socketType>STARTTLS</socketType>
                <authentication>client-IP-address</authentication></outgoingServer>
                <outgoingServer type="smtp"><hostname>d.example.org</hostname><port>465</port><socketType>SSL</socketType>
                <username>007</username><authentication>password-cleartext</authentication></outgoingServer>
                </emailProvider></clientConfig>""").getBytes(StandardCharsets.UTF_8));
        List<Element> smtp = Xml.children(ThunderbirdReading.provider(doc), "outgoingServer");
        assertThat(smtp).extracting(ThunderbirdReading::desktopOutgoingUsername)
                .containsExactly("undefined", "true", null, "7");
        assertThat(ThunderbirdReading.androidRejection(doc)).isEqualTo("a.example.org has no username");
    }

    @Test
    void unimi_givesImapsAndSmtpAuthOverSsl() {
        Document doc = render(SHIPPED, "mario.rossi@unimi.it");
        Element p = ThunderbirdReading.provider(doc);
        assertThat(ThunderbirdReading.servers(p, "incomingServer")).containsExactly(
                server("imap", "imap.unimi.it", 993, "SSL", "mario.rossi@unimi.it"));
        assertThat(ThunderbirdReading.servers(p, "outgoingServer")).containsExactly(
                server("smtp", "smtp.unimi.it", 465, "SSL", "mario.rossi@unimi.it"));
        assertThat(ThunderbirdReading.androidRejection(doc)).isNull();
    }

    @Test
    void withoutAddress_placeholdersAreLeftForTheClient() {
        Provider tim = SHIPPED.provider("tim-trust-pec").orElseThrow();
        Document doc = Xml.parse(renderer.render(tim, DomainName.parse("timpec.it"), Optional.empty()));
        Element p = ThunderbirdReading.provider(doc);
        assertThat(ThunderbirdReading.servers(p, "incomingServer")).extracting(ServerView::username)
                .containsOnly("%EMAILADDRESS%*%EMAILLOCALPART%");
    }

    @Test
    void everyShippedProvider_hasServerElementsInTheFormatsOrder() {
        for (Provider provider : SHIPPED.providers()) {
            DomainName domain = provider.primaryDomain().orElseThrow();
            Document doc = Xml.parse(renderer.render(provider, domain, Optional.empty()));
            Element p = ThunderbirdReading.provider(doc);
            for (Element s : Xml.children(p, "incomingServer")) {
                assertThat(String.join(",", Xml.childNames(s)))
                        .matches("hostname,port,socketType(,username)?(,authentication)+(,pop3)?");
            }
            for (Element s : Xml.children(p, "outgoingServer")) {
                assertThat(String.join(",", Xml.childNames(s)))
                        .matches("hostname,port,socketType(,username)?(,authentication)+,addThisServer,useGlobalPreferredServer");
                assertThat(Xml.text(s, "useGlobalPreferredServer")).isEqualTo("false");
            }
            assertThat(Xml.childNames(p).get(0)).isEqualTo("domain");
        }
    }

    @Test
    void sameInput_givesSameBytes() {
        Provider polito = SHIPPED.provider("polito").orElseThrow();
        EmailAddress a = EmailAddress.parse("x@polito.it");
        assertThat(renderer.render(polito, a.domain(), Optional.of(a))).isEqualTo(renderer.render(polito, a.domain(), Optional.of(a)));
    }

    @Test
    void hostileText_isEscapedByTheXmlWriter(@TempDir Path dir) {
        Registries.write(dir, "odd.yaml", """
                id: odd
                name: "Tom & Jerry <Mail> \\"quoted\\" è"
                domains: [odd.example]
                incoming:
                  - {type: imap, hostname: imap.odd.example, port: 993, security: tls, login: "%EMAILLOCALPART%"}
                outgoing:
                  - {type: smtp, hostname: smtp.odd.example, port: 465, security: tls}
                documentation:
                  - url: "https://odd.example/help?a=1&b=2"
                    description: {en: "a < b & c"}
                """);
        Registry registry = Registries.load(dir);
        String address = "a&b<c>'\"@odd.example";
        byte[] bytes = renderer.render(registry.provider("odd").orElseThrow(), DomainName.parse("odd.example"),
                Optional.of(EmailAddress.parse(address)));
        Element p = ThunderbirdReading.provider(Xml.parse(bytes));
        assertThat(Xml.text(p, "displayName")).isEqualTo("Tom & Jerry <Mail> \"quoted\" è");
        assertThat(ThunderbirdReading.servers(p, "incomingServer").get(0).username()).isEqualTo("a&b<c>'\"");
        assertThat(ThunderbirdReading.servers(p, "outgoingServer").get(0).username()).isEqualTo(address);
        Element doc = Xml.children(p, "documentation").get(0);
        assertThat(doc.getAttribute("url")).isEqualTo("https://odd.example/help?a=1&b=2");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clientConfig version=\"1.1\">");
    }

    @Test
    void wildcardDomainAndHostnamePerDomain_useTheAskedDomain(@TempDir Path dir) {
        Registries.write(dir, "hoster.yaml", """
                id: hoster
                name: Hoster
                domains: ["*.hoster.example", hoster.example]
                incoming:
                  - {type: imap, hostname: "mail.%EMAILDOMAIN%", port: 993, security: tls}
                outgoing:
                  - {type: smtp, hostname: "smtp.%EMAILDOMAIN%", port: 587, security: starttls}
                """);
        Registry registry = Registries.load(dir);
        DomainName asked = DomainName.parse("customer.hoster.example");
        Provider hoster = registry.providerFor(asked).orElseThrow().provider();
        Element p = ThunderbirdReading.provider(Xml.parse(renderer.render(hoster, asked, Optional.empty())));
        assertThat(p.getAttribute("id")).isEqualTo("customer.hoster.example");
        assertThat(Xml.children(p, "domain")).extracting(Element::getTextContent)
                .containsExactly("customer.hoster.example", "hoster.example");
        assertThat(ThunderbirdReading.servers(p, "incomingServer").get(0).hostname()).isEqualTo("mail.customer.hoster.example");
        assertThat(ThunderbirdReading.servers(p, "outgoingServer").get(0).hostname()).isEqualTo("smtp.customer.hoster.example");
    }

    @Test
    void idnDomain_isWrittenInPunycode(@TempDir Path dir) {
        Registries.write(dir, "idn.yaml", """
                id: idn
                name: Città
                domains: [città.example]
                incoming:
                  - {type: imap, hostname: imap.città.example, port: 993, security: tls}
                outgoing:
                  - {type: smtp, hostname: smtp.xn--citt-3na.example, port: 465, security: tls}
                """);
        Registry registry = Registries.load(dir);
        EmailAddress a = EmailAddress.parse("mario@CITTÀ.example.");
        Provider idn = registry.providerFor(a.domain()).orElseThrow().provider();
        Element p = ThunderbirdReading.provider(Xml.parse(renderer.render(idn, a.domain(), Optional.of(a))));
        assertThat(p.getAttribute("id")).isEqualTo("xn--citt-3na.example");
        assertThat(ThunderbirdReading.servers(p, "incomingServer").get(0).username()).isEqualTo("mario@xn--citt-3na.example");
    }
}
