package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertOutlookSettings;
import static org.mailautoconf.testing.AutodiscoverExpectations.fields;
import static org.mailautoconf.testing.PoxXml.child;
import static org.mailautoconf.testing.PoxXml.children;
import static org.mailautoconf.testing.PoxXml.nameOf;
import static org.mailautoconf.testing.PoxXml.namespaceOf;
import static org.mailautoconf.testing.PoxXml.text;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;

class OutlookRendererTest {

    private static final Registry SHIPPED = Registries.shipped();
    private static final Registry TEST = Registries.load(Path.of("src/test/resources/providers/autodiscover"));

    private final OutlookRenderer renderer = new OutlookRenderer();

    private Reply render(Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Provider p = registry.providerFor(a.domain()).orElseThrow().provider();
        assertThat(renderer.refusal(p, a)).isEmpty();
        return renderer.render(p, a.domain(), a);
    }

    private Element account(Registry registry, String address) {
        Reply reply = render(registry, address);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.location()).isEmpty();
        Element root = PoxXml.parse(reply.body());
        return child(child(root, "Response"), "Account");
    }

    @Test
    void render_everyShippedProviderAndDomain_everyField() {
        for (Provider p : Registries.providers(SHIPPED)) {
            for (DomainName d : Registries.domains(p)) {
                EmailAddress a = EmailAddress.parse("mario.rossi@" + d.ascii());
                assertOutlookSettings(PoxXml.parse(render(SHIPPED, a.toString()).body()), p, a);
            }
        }
    }

    @Test
    void render_polito_literally() {
        Element account = account(SHIPPED, "mario.rossi@polito.it");
        List<Element> protocols = children(account, "Protocol");
        String[] tail = {"DomainRequired=off", "SPA=off", "Encryption=SSL", "SSL=on", "AuthRequired=on"};
        assertThat(fields(protocols.get(0))).containsExactly(concat(new String[] {"Type=IMAP", "Server=mail.polito.it",
                "Port=993", "LoginName=mario.rossi@polito.it"}, tail));
        assertThat(fields(protocols.get(1))).containsExactly(concat(new String[] {"Type=POP3", "Server=mail.polito.it",
                "Port=995", "LoginName=mario.rossi@polito.it"}, tail));
        assertThat(fields(protocols.get(2))).containsExactly(concat(concat(new String[] {"Type=SMTP", "Server=mail.polito.it",
                "Port=465", "LoginName=mario.rossi@polito.it"}, tail), new String[] {"UsePOPAuth=on", "SMTPLast=off"}));
    }

    @Test
    void render_halnet_smtpLoginTheUserMustTypeIsTheStandIn() {
        Element account = account(SHIPPED, "iuri@hln.it");
        List<Element> protocols = children(account, "Protocol");
        assertThat(protocols).extracting(e -> text(e, "Type")).containsExactly("POP3", "IMAP", "SMTP", "SMTP");
        for (Element smtp : protocols.subList(2, 4)) {
            // Left out, Thunderbird's Exchange reader would log in with the address (formats.md B.5).
            assertThat(text(smtp, "LoginName")).isEqualTo(LoginTemplate.AskUser.STAND_IN);
            assertThat(text(smtp, "UsePOPAuth")).isEqualTo("off");
            assertThat(text(smtp, "AuthRequired")).isEqualTo("on");
        }
        assertThat(text(protocols.get(2), "Port")).isEqualTo("587");
        assertThat(text(protocols.get(2), "Encryption")).isEqualTo("TLS");
        assertThat(text(protocols.get(3), "Encryption")).isEqualTo("SSL");
    }

    @Test
    void render_timPec_loginTemplateWithLiteralText() {
        Element account = account(SHIPPED, "mario.rossi@pec.telecomitalia.it");
        List<Element> protocols = children(account, "Protocol");
        assertThat(protocols).extracting(e -> text(e, "Server")).containsExactly("imap.pectim.it", "pop3s.pectim.it",
                "smtp.pectim.it", "smtps.pectim.it", "smtpm.pectim.it", "smtpsm.pectim.it");
        assertThat(protocols).extracting(e -> text(e, "LoginName")).containsOnly("mario.rossi@pec.telecomitalia.it*mario.rossi");
        assertThat(protocols.subList(2, 6)).extracting(e -> text(e, "UsePOPAuth")).containsOnly("on");
    }

    @Test
    void render_starttlsPlainNtlmDomainHostAndLoginlessSmtp() {
        Element account = account(TEST, "Anna@città.example");
        Provider p = TEST.provider("varied").orElseThrow();
        assertOutlookSettings(account.getOwnerDocument().getDocumentElement(), p, EmailAddress.parse("Anna@città.example"));
        List<Element> protocols = children(account, "Protocol");
        assertThat(fields(protocols.get(0))).containsExactly("Type=IMAP", "Server=imap.xn--citt-3na.example", "Port=143",
                "LoginName=Anna", "DomainRequired=off", "SPA=on", "Encryption=TLS", "SSL=on", "AuthRequired=on");
        assertThat(fields(protocols.get(1))).contains("Encryption=None", "SSL=off", "SPA=off");
        assertThat(fields(protocols.get(2))).contains("Encryption=TLS", "UsePOPAuth=on");
        assertThat(fields(protocols.get(3))).contains("Server=relay.varied.example", "Encryption=None", "SSL=off",
                "AuthRequired=off", "UsePOPAuth=off");
        assertThat(fields(protocols.get(4))).doesNotContain("LoginName=Anna").contains("UsePOPAuth=off");
    }

    @Test
    void render_hostileTextIsEscapedByTheWriter() {
        Element root = PoxXml.parse(render(TEST, "a@varied.example").body());
        assertThat(text(child(child(root, "Response"), "User"), "DisplayName")).isEqualTo("Mail & <Co> \"Università\" 'd'");
    }

    @Test
    void render_defaultNamespacesNoPrefixes() {
        byte[] body = render(SHIPPED, "mario.rossi@polito.it").body();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("xmlns:").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = PoxXml.parse(body);
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        assertThat(root.getPrefix()).isNull();
        Element response = child(root, "Response");
        assertThat(namespaceOf(response)).isEqualTo(Requests.OUTLOOK_SCHEMA);
        var all = response.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(namespaceOf(e)).as(e.getTagName()).isEqualTo(Requests.OUTLOOK_SCHEMA);
            assertThat(e.getPrefix()).isNull();
        }
    }

    @Test
    void render_isDeterministic() {
        assertThat(render(SHIPPED, "mario.rossi@polito.it").body()).isEqualTo(render(SHIPPED, "mario.rossi@polito.it").body());
    }

    @Test
    void render_redirectToAddress() {
        Reply reply = render(TEST, "mario@moved.example");
        assertThat(reply.status()).isEqualTo(200);
        Element response = child(PoxXml.parse(reply.body()), "Response");
        assertThat(namespaceOf(response)).isEqualTo(Requests.OUTLOOK_SCHEMA);
        Element account = child(response, "Account");
        assertThat(fields(account)).containsExactly("Action=redirectAddr", "RedirectAddr=mario@new.example");
    }

    @Test
    void render_aliasRedirectToAnotherAutodiscoverServer_is302WithRedirectUrl() {
        Reply reply = render(TEST, "boss@moved.example");
        URI target = URI.create("https://autodiscover.elsewhere.example/autodiscover/autodiscover.xml");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).contains(target);
        Element account = child(child(PoxXml.parse(reply.body()), "Response"), "Account");
        assertThat(fields(account)).containsExactly("Action=redirectUrl", "RedirectUrl=" + target);
    }

    @Test
    void render_providerRedirectToAnotherAutodiscoverServer() {
        Reply reply = render(TEST, "x@remote.example");
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).contains(URI.create("https://autodiscover.remote.example/autodiscover/autodiscover.xml"));
    }

    @Test
    void refusal_redirectTemplateThatMakesNoAddressIsAConfigurationError() {
        EmailAddress a = EmailAddress.parse("abcdefghijabcdefghijabcdefghijabcdefghij@moved.example");
        Provider p = TEST.provider("moved").orElseThrow();
        assertThat(renderer.refusal(p, a)).get().extracting(ProtocolError::code).isEqualTo(ErrorCode.CONFIGURATION_ERROR);
        assertThatThrownBy(() -> renderer.render(p, a.domain(), a)).isInstanceOf(IllegalStateException.class);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
