package org.mailautoconf.format.autoconfig;

import java.util.Optional;
import org.mailautoconf.format.Rendered;
import org.mailautoconf.format.XmlWriter;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Pop3Options;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;

/**
 * Mozilla's {@code config-v1.1.xml}, as Thunderbird and Thunderbird for Android read it.
 * Pure: the same provider, domain and address always give the same bytes.
 *
 * <p>With an address, every placeholder is filled in (Thunderbird itself does not fill them in
 * a second outgoing server). Without one, login placeholders stay for the client, as in the
 * ISPDB; {@code %EMAILDOMAIN%} in host names is filled with the asked domain either way.
 */
public final class AutoconfigRenderer {

    public static final String CONTENT_TYPE = "application/xml; charset=utf-8";

    /**
     * True for the answer a client asks as version 1.2 ({@code ?version=1.2}): the mail servers
     * then carry their SASL mechanisms too ({@code <authentication system="sasl">}). Not in the
     * default answer: a server listing only SASL mechanisms makes Thunderbird for Android reject
     * the whole document and Thunderbird desktop skip the server.
     */
    private final boolean version12;

    /** The default answer: config-v1.1's mail servers, with the 1.2 service sections a provider has. */
    public AutoconfigRenderer() {
        this(false);
    }

    private AutoconfigRenderer(boolean version12) {
        this.version12 = version12;
    }

    /** The answer for clients that ask for autoconfig 1.2 itself. */
    public static AutoconfigRenderer version12() {
        return new AutoconfigRenderer(true);
    }

    /** The finished answer: the document with its content type. */
    public Rendered answer(Provider provider, DomainName domain, Optional<EmailAddress> address) {
        return Rendered.ok(render(provider, domain, address), CONTENT_TYPE);
    }

    public byte[] render(Provider provider, DomainName domain, Optional<EmailAddress> address) {
        XmlWriter xml = new XmlWriter();
        // 1.2 only where a 1.2 element is written: every other answer stays byte for byte as before.
        boolean draft = version12 || !provider.services().isEmpty() || provider.oauth2().flatMap(o -> o.clientId()).isPresent();
        xml.start("clientConfig", "version", draft ? "1.2" : "1.1");
        // K-9 and Thunderbird for Android need the id to be a host name; each domain gets its own.
        xml.start("emailProvider", "id", domain.ascii());
        xml.element("domain", domain.ascii());
        for (DomainPattern d : provider.domains()) {
            if (!d.wildcard() && !d.name().equals(domain)) {
                xml.element("domain", d.name().ascii());
            }
        }
        xml.element("displayName", provider.name());
        xml.element("displayShortName", provider.shortName());
        for (IncomingServer s : provider.incoming()) {
            xml.start("incomingServer", "type", s.type());
            server(xml, s, domain, address);
            s.pop3().filter(p -> !p.isEmpty()).ifPresent(p -> pop3(xml, p));
            xml.end();
        }
        ServiceSections.jmap(xml, provider.services(), address);
        for (OutgoingServer s : provider.outgoing()) {
            xml.start("outgoingServer", "type", s.type());
            server(xml, s, domain, address);
            xml.element("addThisServer", Boolean.toString(s.addThisServer()));
            xml.element("useGlobalPreferredServer", Boolean.toString(s.useGlobalPreferredServer()));
            xml.end();
        }
        ServiceSections.others(xml, provider.services(), domain, address);
        provider.enable().ifPresent(e -> {
            xml.start("enable", "visiturl", e.visitUrl().toString());
            e.instructions().byLanguage().forEach((lang, text) -> xml.element("instruction", text, "lang", lang));
            xml.end();
        });
        provider.documentation().forEach(d -> {
            xml.start("documentation", "url", d.url().toString());
            d.description().byLanguage().forEach((lang, text) -> xml.element("descr", text, "lang", lang));
            xml.end();
        });
        xml.end();
        provider.oauth2().ifPresent(o -> {
            xml.start("oAuth2");
            xml.element("issuer", o.issuer());
            xml.element("scope", o.scope());
            xml.element("authURL", o.authUrl().toString());
            xml.element("tokenURL", o.tokenUrl().toString());
            o.clientId().ifPresent(id -> xml.element("clientID", id));
            xml.end();
        });
        provider.webmail().ifPresent(w -> {
            xml.start("webMail");
            xml.empty("loginPage", "url", w.loginPage().toString());
            xml.end();
        });
        xml.end();
        return xml.toBytes();
    }

    private void server(XmlWriter xml, Server s, DomainName domain, Optional<EmailAddress> address) {
        xml.element("hostname", s.hostname().replace(LoginTemplate.EMAILDOMAIN, domain.ascii()));
        xml.element("port", Integer.toString(s.port()));
        xml.element("socketType", socketType(s.security()));
        xml.element("username", username(s.login(), address));
        for (Authentication a : s.authentication()) {
            // SASL mechanisms and HTTP schemes belong to the 1.2 draft; 1.1 readers would skip the server.
            if (a instanceof Authentication.Method m) {
                xml.element("authentication", m.method().key());
            } else if (version12 && a instanceof Authentication.Sasl sasl) {
                xml.element("authentication", sasl.mechanism(), "system", "sasl");
            }
        }
    }

    /** Never absent nor empty: both make a real reader misread the document (AskUser.STAND_IN). */
    private static String username(LoginTemplate login, Optional<EmailAddress> address) {
        if (login instanceof LoginTemplate.Derived d) {
            return address.map(a -> LoginTemplate.fill(d.template(), a)).orElse(d.template());
        }
        return LoginTemplate.AskUser.STAND_IN;
    }

    private static void pop3(XmlWriter xml, Pop3Options p) {
        xml.start("pop3");
        p.leaveMessagesOnServer().ifPresent(v -> xml.element("leaveMessagesOnServer", v.toString()));
        p.daysToLeaveMessagesOnServer().ifPresent(v -> xml.element("daysToLeaveMessagesOnServer", v.toString()));
        p.downloadOnBiff().ifPresent(v -> xml.element("downloadOnBiff", v.toString()));
        p.checkIntervalMinutes().ifPresent(v -> xml.empty("checkInterval", "minutes", v.toString()));
        xml.end();
    }

    static String socketType(Security security) {
        return switch (security) {
            case TLS -> "SSL";
            case STARTTLS -> "STARTTLS";
            case NONE -> "plain";
        };
    }
}
