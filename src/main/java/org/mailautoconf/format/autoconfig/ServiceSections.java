package org.mailautoconf.format.autoconfig;

import java.util.List;
import java.util.Optional;
import org.mailautoconf.format.XmlWriter;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.ManageSieve;
import org.mailautoconf.registry.Services;
import org.mailautoconf.registry.UrlService;

/**
 * The server sections of autoconfig 1.2 (draft-ietf-mailmaint-autoconfig-06) beside mail:
 * {@code incomingServer type="jmap"}, {@code calendar type="caldav"}, {@code addressbook
 * type="carddav"}, {@code fileShare type="webdav"} and {@code setupServer type="managesieve"},
 * URL protocols with {@code <url>} and {@code <authentication system="http">}.
 *
 * <p>Thunderbird desktop skips a server section whose type it does not know, and ignores
 * unknown elements; Thunderbird for Android reads only IMAP and SMTP servers (formats.md G.9),
 * so these sections go into the default answer without changing what either client sets up.
 */
final class ServiceSections {

    private ServiceSections() {
    }

    /** The JMAP incoming server, written after the mail incoming servers. */
    static void jmap(XmlWriter xml, Services services, Optional<EmailAddress> address) {
        services.jmap().ifPresent(s -> url(xml, "incomingServer", "jmap", s, address));
    }

    /** Calendars, contacts, files and filters, after the outgoing servers. */
    static void others(XmlWriter xml, Services services, DomainName domain, Optional<EmailAddress> address) {
        services.caldav().ifPresent(s -> url(xml, "calendar", "caldav", s, address));
        services.carddav().ifPresent(s -> url(xml, "addressbook", "carddav", s, address));
        services.webdav().ifPresent(s -> url(xml, "fileShare", "webdav", s, address));
        services.manageSieve().ifPresent(s -> sieve(xml, s, domain, address));
    }

    private static void url(XmlWriter xml, String element, String type, UrlService s, Optional<EmailAddress> address) {
        xml.start(element, "type", type);
        xml.element("url", s.url().toASCIIString());
        authentication(xml, s.authentication());
        username(xml, s.login(), address);
        xml.end();
    }

    private static void sieve(XmlWriter xml, ManageSieve s, DomainName domain, Optional<EmailAddress> address) {
        xml.start("setupServer", "type", "managesieve");
        xml.element("hostname", s.hostname().replace(LoginTemplate.EMAILDOMAIN, domain.ascii()));
        xml.element("port", Integer.toString(s.port()));
        xml.element("socketType", AutoconfigRenderer.socketType(s.security()));
        username(xml, s.login(), address);
        authentication(xml, s.authentication());
        xml.end();
    }

    /** Each authentication in the draft's form: a Mozilla method, or a SASL mechanism or HTTP scheme with its system. */
    static void authentication(XmlWriter xml, List<Authentication> all) {
        for (Authentication a : all) {
            if (a instanceof Authentication.Method m) {
                xml.element("authentication", m.method().key());
            } else if (a instanceof Authentication.Sasl s) {
                xml.element("authentication", s.mechanism(), "system", "sasl");
            } else if (a instanceof Authentication.Http h) {
                xml.element("authentication", h.scheme(), "system", "http");
            }
        }
    }

    private static void username(XmlWriter xml, LoginTemplate login, Optional<EmailAddress> address) {
        if (login instanceof LoginTemplate.Derived d) {
            xml.element("username", address.map(a -> LoginTemplate.fill(d.template(), a)).orElse(d.template()));
        }
    }
}
