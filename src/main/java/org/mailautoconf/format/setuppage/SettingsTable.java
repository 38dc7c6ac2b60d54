package org.mailautoconf.format.setuppage;

import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Server;

/**
 * The provider's servers as a table a person copies into any mail app, most preferred first:
 * every incoming server, the outgoing servers the file marks for adding (the others are
 * special-purpose alternatives), and the ActiveSync server.
 */
final class SettingsTable {

    private final Messages m;
    private final Language language;

    SettingsTable(Messages m, Language language) {
        this.m = m;
        this.language = language;
    }

    void write(HtmlWriter html, Provider provider, EmailAddress address) {
        // On a phone the table scrolls sideways by itself, not the whole page; keyboard users can focus it to scroll.
        html.start("div", "class", "scroll", "role", "region", "aria-labelledby", "manual", "tabindex", "0");
        html.start("table", "id", "settings").newline();
        html.element("caption", String.format(m.tableCaption(), provider.name()));
        html.start("thead").start("tr");
        for (String column : new String[] {m.colUse(), m.colProtocol(), m.colServer(), m.colPort(), m.colSecurity(),
                m.colLogin(), m.colAuthentication()}) {
            html.element("th", column, "scope", "col");
        }
        html.end().end().newline();
        html.start("tbody").newline();
        for (IncomingServer s : provider.incoming()) {
            row(html, m.incoming(), s.protocol().name(), s, address);
        }
        for (OutgoingServer s : provider.outgoing()) {
            if (s.addThisServer()) {
                row(html, m.outgoing(), "SMTP", s, address);
            }
        }
        provider.activeSync().ifPresent(eas -> activeSync(html, eas, address));
        html.end().newline();
        html.end();
        html.end().newline();
    }

    private void row(HtmlWriter html, String use, String protocol, Server s, EmailAddress address) {
        html.start("tr");
        html.element("th", use, "scope", "row");
        html.element("td", protocol);
        html.element("td", s.hostname().replace(LoginTemplate.EMAILDOMAIN, address.domain().ascii()));
        html.element("td", Integer.toString(s.port()));
        html.element("td", security(s));
        login(html, s.login(), address);
        html.element("td", authentication(s));
        html.end().newline();
    }

    private void activeSync(HtmlWriter html, ActiveSync eas, EmailAddress address) {
        boolean https = "https".equalsIgnoreCase(eas.url().getScheme());
        int port = eas.url().getPort() > 0 ? eas.url().getPort() : https ? 443 : 80;
        html.start("tr");
        html.element("th", "Exchange ActiveSync", "scope", "row");
        html.element("td", "ActiveSync");
        html.element("td", eas.host());
        html.element("td", Integer.toString(port));
        html.element("td", https ? "SSL/TLS" : m.securityNone());
        login(html, eas.login(), address);
        html.element("td", m.authPassword());
        html.end().newline();
    }

    private void login(HtmlWriter html, LoginTemplate template, EmailAddress address) {
        if (template instanceof LoginTemplate.AskUser ask) {
            html.element("td", ask.hint().best(language.preference()).orElse(m.loginAsk()), "class", "hint");
        } else {
            html.element("td", template.loginFor(address).orElse(""));
        }
    }

    private String security(Server s) {
        return switch (s.security()) {
            case TLS -> "SSL/TLS";
            case STARTTLS -> "STARTTLS";
            case NONE -> m.securityNone();
        };
    }

    private String authentication(Server s) {
        if (s.authentication().isEmpty()) {
            return m.authPassword();
        }
        Authentication first = s.authentication().get(0);
        if (first instanceof Authentication.Method method) {
            AuthMethod a = method.method();
            if (a == AuthMethod.PASSWORD_CLEARTEXT) {
                return m.authPassword();
            }
            if (a == AuthMethod.PASSWORD_ENCRYPTED) {
                return m.authEncrypted();
            }
            if (a == AuthMethod.NONE) {
                return m.authNone();
            }
            return a.key();
        }
        return first.key();
    }
}
