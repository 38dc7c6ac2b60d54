package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.PoxXml;
import org.w3c.dom.Element;

/**
 * Reads the Outlook answer the way Thunderbird's readAutoDiscoverXML does (formats.md B.5):
 * namespace-unaware, literal element names, STARTTLS taken from the port, not from Encryption.
 */
class ThunderbirdReadingTest {

    private static final Set<Integer> STARTTLS_PORTS = Set.of(143, 110, 25, 587);

    /** One server as Thunderbird ends up configuring it. */
    record Configured(String type, String host, int port, Security security, String username) {}

    private static List<Configured> readLikeThunderbird(byte[] body, EmailAddress address) {
        Element root = PoxXml.parseIgnoringNamespaces(body);
        assertThat(root.getNodeName()).isEqualTo("Autodiscover");
        Element account = PoxXml.child(PoxXml.child(root, "Response"), "Account");
        assertThat(PoxXml.text(account, "Action")).isEqualTo("settings");
        List<Configured> out = new ArrayList<>();
        for (Element p : PoxXml.children(account, "Protocol")) {
            int port = Integer.parseInt(PoxXml.text(p, "Port"));
            boolean plain = PoxXml.optionalText(p, "SSL").equals(Optional.of("off"))
                    || PoxXml.optionalText(p, "Encryption").equals(Optional.of("None"));
            Security security = plain ? Security.NONE : STARTTLS_PORTS.contains(port) ? Security.STARTTLS : Security.TLS;
            String username = PoxXml.optionalText(p, "LoginName").orElse(address.toString());
            out.add(new Configured(PoxXml.text(p, "Type"), PoxXml.text(p, "Server"), port, security, username));
        }
        return out;
    }

    private static void assertReadsAsConfigured(Registry registry, Provider p, EmailAddress a) {
        Reply reply = new OutlookRenderer().render(p, a.domain(), a);
        List<Configured> read = readLikeThunderbird(reply.body(), a);
        List<Server> servers = new ArrayList<>(p.incoming());
        servers.addAll(p.outgoing());
        assertThat(read).hasSameSizeAs(servers);
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            Configured c = read.get(i);
            assertThat(c.type()).isEqualToIgnoringCase(s.type());
            assertThat(c.host()).isEqualTo(s.hostname().replace(LoginTemplate.EMAILDOMAIN, a.domain().ascii()));
            assertThat(c.port()).isEqualTo(s.port());
            assertThat(c.security()).as(p.id() + " " + s.type() + " " + s.port()).isEqualTo(s.security());
            // Where the user must type the login, Thunderbird gets the stand-in, not the plausible address.
            assertThat(c.username()).isEqualTo(s.login().loginFor(a).orElse(LoginTemplate.AskUser.STAND_IN));
        }
        // Thunderbird needs one incoming and one SMTP server, each with host, port and user name.
        assertThat(read).anyMatch(c -> !c.type().equals("SMTP")).anyMatch(c -> c.type().equals("SMTP"));
    }

    @Test
    void thunderbird_readsEveryShippedProviderAsConfigured() {
        Registry shipped = Registries.shipped();
        for (Provider p : Registries.providers(shipped)) {
            for (var d : Registries.domains(p)) {
                assertReadsAsConfigured(shipped, p, EmailAddress.parse("mario.rossi@" + d.ascii()));
            }
        }
    }

    @Test
    void thunderbird_readsStarttlsAndPlainOnStandardPorts() {
        Registry test = Registries.load(Path.of("src/test/resources/providers/autodiscover"));
        assertReadsAsConfigured(test, test.provider("varied").orElseThrow(), EmailAddress.parse("a@varied.example"));
    }

    @Test
    void thunderbird_readsTheRedirectAddress() {
        Registry test = Registries.load(Path.of("src/test/resources/providers/autodiscover"));
        EmailAddress a = EmailAddress.parse("mario@moved.example");
        Reply reply = new OutlookRenderer().render(test.provider("moved").orElseThrow(), a.domain(), a);
        Element account = PoxXml.child(PoxXml.child(PoxXml.parseIgnoringNamespaces(reply.body()), "Response"), "Account");
        assertThat(PoxXml.text(account, "Action")).isEqualTo("redirectAddr");
        assertThat(PoxXml.text(account, "RedirectAddr")).isEqualTo("mario@new.example");
    }

    /** Why the validate warning exists: Thunderbird misreads a port that disagrees with its security. */
    @Test
    void thunderbird_misreadsSecurityThatDisagreesWithThePort() {
        Registry mismatch = Registries.load(Path.of("src/test/resources/providers/port-mismatch"));
        Provider p = mismatch.provider("mismatch").orElseThrow();
        EmailAddress a = EmailAddress.parse("a@mismatch.example");
        List<Configured> read = readLikeThunderbird(new OutlookRenderer().render(p, a.domain(), a).body(), a);
        assertThat(read.get(0).security()).isEqualTo(Security.TLS).isNotEqualTo(p.incoming().get(0).security());
        assertThat(read.get(1).security()).isEqualTo(Security.STARTTLS).isNotEqualTo(p.outgoing().get(0).security());
    }
}
