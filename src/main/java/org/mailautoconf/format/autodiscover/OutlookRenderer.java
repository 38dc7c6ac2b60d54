package org.mailautoconf.format.autodiscover;

import java.util.Optional;
import org.mailautoconf.format.XmlWriter;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;

/**
 * The Outlook response schema 2006a (MS-OXDSCLI 2.2.4), read by Outlook, Windows Mail and
 * Thunderbird. Default namespaces, never prefixes: Thunderbird's reader is namespace-unaware
 * and looks for the literal names. {@code Protocol} children follow Microsoft's element order.
 */
public final class OutlookRenderer implements SchemaRenderer {

    @Override
    public ResponseSchema schema() {
        return ResponseSchema.OUTLOOK;
    }

    @Override
    public Optional<ProtocolError> refusal(Provider provider, EmailAddress address) {
        return Redirects.problem(provider, address);
    }

    @Override
    public Reply render(Provider provider, DomainName domain, EmailAddress address) {
        Redirects.requireNoProblem(provider, address);
        Optional<Redirect> redirect = provider.redirectFor(address);
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAddress to) {
            return Reply.document(redirect("redirectAddr", "RedirectAddr", to.addressFor(address).toString()));
        }
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAutodiscoverUrl to) {
            // MS-OXDSCLI 3.2.5: HTTP 302 SHOULD carry the new URL; RedirectUrl MAY. Clients follow the 302.
            return Reply.moved(to.url(), redirect("redirectUrl", "RedirectUrl", to.url().toString()));
        }
        return Reply.document(settings(provider, domain, address));
    }

    private static byte[] settings(Provider provider, DomainName domain, EmailAddress address) {
        XmlWriter xml = open();
        // Exchange fills User with the mailbox owner's name; we know none and publish none.
        xml.start("User").element("DisplayName", provider.name()).end();
        xml.start("Account");
        xml.element("AccountType", "email");
        xml.element("Action", "settings");
        Optional<String> incomingLogin = provider.incoming().get(0).login().loginFor(address);
        for (IncomingServer s : provider.incoming()) {
            protocol(xml, s, s.protocol().name(), domain, address);
            xml.end();
        }
        for (OutgoingServer s : provider.outgoing()) {
            protocol(xml, s, "SMTP", domain, address);
            Optional<String> login = s.login().loginFor(address);
            boolean sameLogin = s.requiresLogin() && login.isPresent() && login.equals(incomingLogin);
            xml.element("UsePOPAuth", onOff(sameLogin));
            xml.element("SMTPLast", "off");
            xml.end();
        }
        xml.end();
        return close(xml);
    }

    /** Opens a {@code Protocol} and writes every field up to {@code AuthRequired}; the caller ends it. */
    private static void protocol(XmlWriter xml, Server s, String type, DomainName domain, EmailAddress address) {
        xml.start("Protocol");
        xml.element("Type", type);
        xml.element("Server", s.hostname().replace(LoginTemplate.EMAILDOMAIN, domain.ascii()));
        xml.element("Port", Integer.toString(s.port()));
        // Left out, Thunderbird would log in with the address: an askUser login carries the stand-in.
        xml.element("LoginName", s.login().loginFor(address).orElse(LoginTemplate.AskUser.STAND_IN));
        xml.element("DomainRequired", "off");
        xml.element("SPA", onOff(spa(s)));
        // Encryption overrides SSL in Outlook; SSL stays for clients that know only SSL (default on).
        xml.element("Encryption", encryption(s.security()));
        xml.element("SSL", onOff(s.security() != Security.NONE));
        xml.element("AuthRequired", onOff(s.requiresLogin()));
    }

    /** Outlook's SPA is NTLM: on only where NTLM is the preferred method. */
    private static boolean spa(Server s) {
        return !s.authentication().isEmpty()
                && s.authentication().get(0) instanceof Authentication.Method m && m.method() == AuthMethod.NTLM;
    }

    static String encryption(Security security) {
        return switch (security) {
            case TLS -> "SSL";
            case STARTTLS -> "TLS";
            case NONE -> "None";
        };
    }

    private static byte[] redirect(String action, String element, String target) {
        XmlWriter xml = open();
        xml.start("Account");
        xml.element("Action", action);
        xml.element(element, target);
        xml.end();
        return close(xml);
    }

    private static XmlWriter open() {
        XmlWriter xml = new XmlWriter();
        xml.start("Autodiscover").namespace(ResponseSchema.AUTODISCOVER_NAMESPACE);
        xml.start("Response").namespace(ResponseSchema.OUTLOOK.uri());
        return xml;
    }

    private static byte[] close(XmlWriter xml) {
        xml.end();
        xml.end();
        return xml.toBytes();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
