package org.mailautoconf.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.testing.PoxXml.child;
import static org.mailautoconf.testing.PoxXml.children;
import static org.mailautoconf.testing.PoxXml.nameOf;
import static org.mailautoconf.testing.PoxXml.namespaceOf;
import static org.mailautoconf.testing.PoxXml.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;
import org.w3c.dom.Element;

/**
 * What an Autodiscover answer must say for a provider, spelled out from Microsoft's documents
 * (formats.md B.2, B.4) independently of the renderers, and checked on a parsed answer.
 */
public final class AutodiscoverExpectations {

    private AutodiscoverExpectations() {
    }

    /** The fields of one {@code Protocol}, in Microsoft's order, as {@code Name=text}. */
    public static List<String> expectedProtocol(Server s, String type, EmailAddress a, Optional<String> incomingLogin) {
        List<String> out = new ArrayList<>();
        out.add("Type=" + type);
        out.add("Server=" + s.hostname().replace("%EMAILDOMAIN%", a.domain().ascii()));
        out.add("Port=" + s.port());
        // askUser: the stand-in, never left out (Thunderbird would log in with the address).
        out.add("LoginName=" + s.login().loginFor(a).orElse(LoginTemplate.AskUser.STAND_IN));
        out.add("DomainRequired=off");
        boolean ntlm = s.authentication().get(0).equals(Authentication.of(AuthMethod.NTLM));
        out.add("SPA=" + (ntlm ? "on" : "off"));
        out.add("Encryption=" + switch (s.security()) {
            case TLS -> "SSL";
            case STARTTLS -> "TLS";
            case NONE -> "None";
        });
        out.add("SSL=" + (s.security() == Security.NONE ? "off" : "on"));
        out.add("AuthRequired=" + (s.requiresLogin() ? "on" : "off"));
        if (s instanceof OutgoingServer) {
            Optional<String> login = s.login().loginFor(a);
            out.add("UsePOPAuth=" + (s.requiresLogin() && login.isPresent() && login.equals(incomingLogin) ? "on" : "off"));
            out.add("SMTPLast=off");
        }
        return out;
    }

    /** The children of an element as {@code Name=text}, in document order. */
    public static List<String> fields(Element parent) {
        return children(parent).stream().map(e -> nameOf(e) + "=" + e.getTextContent()).toList();
    }

    /** Checks a whole Outlook settings answer, parsed namespace-aware, field by field. */
    public static void assertOutlookSettings(Element root, Provider p, EmailAddress a) {
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        Element response = child(root, "Response");
        assertThat(namespaceOf(response)).isEqualTo(Requests.OUTLOOK_SCHEMA);
        assertThat(children(response)).extracting(PoxXml::nameOf).containsExactly("User", "Account");
        assertThat(fields(child(response, "User"))).containsExactly("DisplayName=" + p.name());
        Element account = child(response, "Account");
        assertThat(fields(account).subList(0, 2)).containsExactly("AccountType=email", "Action=settings");
        List<Element> protocols = children(account, "Protocol");
        assertThat(children(account)).hasSize(2 + protocols.size());
        assertThat(protocols).hasSize(p.incoming().size() + p.outgoing().size());
        Optional<String> incomingLogin = p.incoming().get(0).login().loginFor(a);
        int i = 0;
        for (IncomingServer s : p.incoming()) {
            assertThat(fields(protocols.get(i++))).as(p.id() + " " + s).containsExactlyElementsOf(
                    expectedProtocol(s, s.protocol().name(), a, incomingLogin));
        }
        for (OutgoingServer s : p.outgoing()) {
            assertThat(fields(protocols.get(i++))).as(p.id() + " " + s).containsExactlyElementsOf(
                    expectedProtocol(s, "SMTP", a, incomingLogin));
        }
    }

    /** Checks a mobilesync settings answer: Culture, User, and the one MobileSync server. */
    public static void assertMobileSyncSettings(Element root, Provider p, EmailAddress a) {
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        Element response = child(root, "Response");
        assertThat(namespaceOf(response)).isEqualTo(Requests.MOBILESYNC_SCHEMA);
        assertThat(children(response)).extracting(PoxXml::nameOf).containsExactly("Culture", "User", "Action");
        assertThat(text(response, "Culture")).isEqualTo("en:us");
        assertThat(fields(child(response, "User"))).containsExactly("DisplayName=" + p.name(), "EMailAddress=" + a);
        Element settings = child(child(response, "Action"), "Settings");
        String url = p.activeSync().orElseThrow().url().toString();
        assertThat(children(settings)).hasSize(1);
        assertThat(fields(child(settings, "Server"))).containsExactly("Type=MobileSync", "Url=" + url, "Name=" + url);
    }

    /** Checks a protocol error: its namespace, Time and Id attributes, code and message. */
    public static void assertError(Element root, int code, String responseNamespace) {
        assertThat(nameOf(root)).isEqualTo("Autodiscover");
        assertThat(namespaceOf(root)).isEqualTo(Requests.AUTODISCOVER_NS);
        Element response = child(root, "Response");
        assertThat(namespaceOf(response)).isEqualTo(responseNamespace);
        assertThat(children(response)).extracting(PoxXml::nameOf).containsExactly("Error");
        Element error = child(response, "Error");
        assertThat(error.getAttribute("Time")).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{7}");
        assertThat(error.getAttribute("Id")).matches("\\d+");
        assertThat(children(error)).extracting(PoxXml::nameOf).containsExactly("ErrorCode", "Message", "DebugData");
        assertThat(text(error, "ErrorCode")).isEqualTo(Integer.toString(code));
        assertThat(text(error, "Message")).isNotBlank();
    }
}
