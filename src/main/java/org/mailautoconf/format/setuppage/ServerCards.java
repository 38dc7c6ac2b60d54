package org.mailautoconf.format.setuppage;

import java.util.ArrayList;
import java.util.List;
import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Server;
import org.mailautoconf.registry.UrlService;

/**
 * The provider's servers as cards a person copies into any mail app, most preferred first:
 * every incoming server, the outgoing servers the file marks for adding (the others are
 * special-purpose alternatives), and the ActiveSync server. Fields come in the order most apps'
 * manual setup asks them, the user name first (PEC users need it most: it is not the address).
 */
final class ServerCards {

    /** One server. {@code id} is stable for a given provider, for links and tests. */
    record Card(String id, String use, String protocol, List<Field> fields) {}

    /**
     * One value to type; {@code hint} when it says what to type rather than being the value;
     * {@code copy} for the values a person types (not the ones picked from a list).
     */
    record Field(String name, String label, String value, boolean hint, boolean copy) {
        Field(String name, String label, String value) {
            this(name, label, value, false, !name.equals("security") && !name.equals("authentication"));
        }
    }

    private final Texts t;
    private final Language language;

    ServerCards(Texts t, Language language) {
        this.t = t;
        this.language = language;
    }

    List<Card> of(Provider provider, EmailAddress address) {
        List<Card> cards = new ArrayList<>();
        int i = 0;
        for (IncomingServer s : provider.incoming()) {
            cards.add(card("in-" + i++, t.get("incoming"), s.protocol().name(), s, address));
        }
        i = 0;
        for (OutgoingServer s : provider.outgoing()) {
            if (s.addThisServer()) {
                cards.add(card("out-" + i, t.get("outgoing"), "SMTP", s, address));
            }
            i++;
        }
        provider.activeSync().ifPresent(eas -> cards.add(activeSync(eas, address)));
        return List.copyOf(cards);
    }

    /** Calendar and contacts, when the provider has them: the URL, the login, how to log in. */
    List<Card> services(Provider provider, EmailAddress address) {
        List<Card> cards = new ArrayList<>();
        provider.services().caldav().ifPresent(s -> cards.add(dav("caldav", t.get("calendar"), "CalDAV", s, address)));
        provider.services().carddav().ifPresent(s -> cards.add(dav("carddav", t.get("contacts"), "CardDAV", s, address)));
        return List.copyOf(cards);
    }

    private Card dav(String id, String use, String protocol, UrlService s, EmailAddress address) {
        return new Card(id, use, protocol, List.of(
                login(s.login(), address),
                new Field("url", t.get("fieldUrl"), s.url().toASCIIString()),
                new Field("authentication", t.get("fieldAuthentication"), s.authentication().stream()
                        .anyMatch(a -> a instanceof Authentication.Http) ? t.get("authPassword") : s.authentication().get(0).key())));
    }

    private Card card(String id, String use, String protocol, Server s, EmailAddress address) {
        return new Card(id, use, protocol, List.of(
                login(s.login(), address),
                new Field("server", t.get("fieldServer"), s.hostname().replace(LoginTemplate.EMAILDOMAIN, address.domain().ascii())),
                new Field("port", t.get("fieldPort"), Integer.toString(s.port())),
                new Field("security", t.get("fieldSecurity"), security(s)),
                new Field("authentication", t.get("fieldAuthentication"), authentication(s))));
    }

    private Card activeSync(ActiveSync eas, EmailAddress address) {
        boolean https = "https".equalsIgnoreCase(eas.url().getScheme());
        int port = eas.url().getPort() > 0 ? eas.url().getPort() : https ? 443 : 80;
        return new Card("eas", "Exchange ActiveSync", "ActiveSync", List.of(
                login(eas.login(), address),
                new Field("server", t.get("fieldServer"), eas.host()),
                new Field("port", t.get("fieldPort"), Integer.toString(port)),
                new Field("security", t.get("fieldSecurity"), https ? "SSL/TLS" : t.get("securityNone")),
                new Field("authentication", t.get("fieldAuthentication"), t.get("authPassword"))));
    }

    private Field login(LoginTemplate template, EmailAddress address) {
        if (template instanceof LoginTemplate.AskUser ask) {
            return new Field("login", t.get("fieldLogin"), ask.hint().best(language.preference()).orElse(t.get("loginAsk")), true, false);
        }
        return new Field("login", t.get("fieldLogin"), template.loginFor(address).orElse(""));
    }

    private String security(Server s) {
        return switch (s.security()) {
            case TLS -> "SSL/TLS";
            case STARTTLS -> "STARTTLS";
            case NONE -> t.get("securityNone");
        };
    }

    private String authentication(Server s) {
        if (s.authentication().isEmpty()) {
            return t.get("authPassword");
        }
        Authentication first = s.authentication().get(0);
        if (first instanceof Authentication.Method method) {
            AuthMethod a = method.method();
            if (a == AuthMethod.PASSWORD_CLEARTEXT) {
                return t.get("authPassword");
            }
            if (a == AuthMethod.PASSWORD_ENCRYPTED) {
                return t.get("authEncrypted");
            }
            if (a == AuthMethod.NONE) {
                return t.get("authNone");
            }
            return a.key();
        }
        return first.key();
    }
}
