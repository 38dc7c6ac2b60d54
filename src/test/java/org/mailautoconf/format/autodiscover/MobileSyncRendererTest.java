package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailautoconf.testing.PoxXml.child;
import static org.mailautoconf.testing.PoxXml.children;
import static org.mailautoconf.testing.PoxXml.nameOf;
import static org.mailautoconf.testing.PoxXml.namespaceOf;
import static org.mailautoconf.testing.PoxXml.text;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;

class MobileSyncRendererTest {

    private static final Registry SHIPPED = Registries.shipped();
    private static final Registry TEST = Registries.load(Path.of("src/test/resources/providers/autodiscover"));

    private final MobileSyncRenderer renderer = new MobileSyncRenderer();

    private static Provider provider(Registry r, EmailAddress a) {
        return r.providerFor(a.domain()).orElseThrow().provider();
    }

    private Element response(Registry r, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Reply reply = renderer.render(provider(r, a), a.domain(), a);
        assertThat(reply.status()).isEqualTo(200);
        Element root = PoxXml.parse(reply.body());
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        Element response = child(root, "Response");
        assertThat(namespaceOf(response)).isEqualTo(Requests.MOBILESYNC_SCHEMA);
        return response;
    }

    @Test
    void render_everyShippedProvider_politoHasActiveSync_othersRefuseWith601() {
        for (Provider p : Registries.providers(SHIPPED)) {
            for (DomainName d : Registries.domains(p)) {
                EmailAddress a = EmailAddress.parse("mario.rossi@" + d.ascii());
                if (p.activeSync().isPresent()) {
                    assertThat(renderer.refusal(p, a)).isEmpty();
                    Element response = response(SHIPPED, a.toString());
                    assertThat(children(response)).extracting(PoxXml::nameOf).containsExactly("Culture", "User", "Action");
                    assertThat(text(response, "Culture")).isEqualTo("en:us");
                    Element user = child(response, "User");
                    assertThat(children(user)).extracting(e -> nameOf(e) + "=" + e.getTextContent())
                            .containsExactly("DisplayName=" + p.name(), "EMailAddress=" + a);
                    Element server = child(child(child(response, "Action"), "Settings"), "Server");
                    String url = p.activeSync().get().url().toString();
                    assertThat(children(server)).extracting(e -> nameOf(e) + "=" + e.getTextContent())
                            .containsExactly("Type=MobileSync", "Url=" + url, "Name=" + url);
                } else {
                    assertThat(renderer.refusal(p, a)).as(p.id()).get().extracting(ProtocolError::code)
                            .isEqualTo(ErrorCode.SCHEMA_NOT_AVAILABLE);
                    assertThatThrownBy(() -> renderer.render(p, a.domain(), a)).isInstanceOf(IllegalStateException.class);
                }
            }
        }
        assertThat(Registries.providers(SHIPPED)).filteredOn(p -> p.activeSync().isPresent())
                .extracting(Provider::id).containsExactly("polito");
    }

    @Test
    void render_polito_literally() {
        Element server = child(child(child(response(SHIPPED, "mario.rossi@polito.it"), "Action"), "Settings"), "Server");
        assertThat(text(server, "Type")).isEqualTo("MobileSync");
        assertThat(text(server, "Url")).isEqualTo("https://mail.polito.it/Microsoft-Server-ActiveSync");
    }

    @Test
    void render_urlWithAmpersandIsEscaped_andNoPrefixes() {
        EmailAddress a = EmailAddress.parse("a@varied.example");
        byte[] body = renderer.render(provider(TEST, a), a.domain(), a).body();
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("?a=1&amp;b=2").doesNotContain("xmlns:");
        Element server = child(child(child(child(PoxXml.parse(body), "Response"), "Action"), "Settings"), "Server");
        assertThat(text(server, "Url")).isEqualTo("https://eas.varied.example/Microsoft-Server-ActiveSync?a=1&b=2");
    }

    @Test
    void render_redirectToAddress_isActionRedirect() {
        Element response = response(TEST, "mario@moved.example");
        assertThat(children(child(response, "Action"))).extracting(e -> nameOf(e) + "=" + e.getTextContent())
                .containsExactly("Redirect=mario@new.example");
        assertThat(text(child(response, "User"), "EMailAddress")).isEqualTo("mario@moved.example");
    }

    @Test
    void render_redirectToAnotherServer_is302_evenWithoutActiveSyncHere() {
        EmailAddress a = EmailAddress.parse("x@remote.example");
        Provider remote = provider(TEST, a);
        assertThat(remote.activeSync()).isEmpty();
        assertThat(renderer.refusal(remote, a)).isEmpty();
        Reply reply = renderer.render(remote, a.domain(), a);
        assertThat(reply.status()).isEqualTo(302);
        assertThat(reply.location()).contains(URI.create("https://autodiscover.remote.example/autodiscover/autodiscover.xml"));
    }

    @Test
    void refusal_badRedirectTemplateIs602() {
        EmailAddress a = EmailAddress.parse("abcdefghijabcdefghijabcdefghijabcdefghij@moved.example");
        assertThat(renderer.refusal(provider(TEST, a), a)).get().extracting(ProtocolError::code)
                .isEqualTo(ErrorCode.CONFIGURATION_ERROR);
    }
}
