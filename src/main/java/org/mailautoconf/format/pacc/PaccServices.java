package org.mailautoconf.format.pacc;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;
import org.mailautoconf.registry.UrlService;

/**
 * What of a provider PACC can say: per protocol the first server it can express (implicit TLS
 * on the default port, the address as login, a password or OAuth2 login), or why it cannot.
 * A protocol the provider offers but PACC cannot express makes the whole document impossible:
 * leaving it out would hide it, and naming it would send the client to the wrong port or login.
 */
record PaccServices(Optional<URI> jmap, Optional<String> imap, Optional<String> pop3, Optional<String> submit,
                    Optional<URI> caldav, Optional<URI> carddav, Optional<URI> webdav,
                    boolean password, Optional<URI> oauthIssuer) {

    private static final int IMAPS = 993;
    private static final int POP3S = 995;
    private static final int SUBMISSIONS = 465;

    /** A reason (left) or the services (right). */
    record Either(Optional<String> left, Optional<PaccServices> right) {
        static Either no(String why) {
            return new Either(Optional.of(why), Optional.empty());
        }
    }

    static Either of(Provider p) {
        Checked c = new Checked(p);
        Optional<String> imap = c.tcp(p.incoming().stream().filter(s -> s.protocol() == IncomingProtocol.IMAP).toList(), "IMAP", IMAPS);
        Optional<String> pop3 = c.tcp(p.incoming().stream().filter(s -> s.protocol() == IncomingProtocol.POP3).toList(), "POP3", POP3S);
        Optional<String> submit = c.tcp(p.outgoing(), "SMTP", SUBMISSIONS);
        Optional<URI> jmap = c.url(p.services().jmap(), "JMAP");
        Optional<URI> caldav = c.url(p.services().caldav(), "CalDAV");
        Optional<URI> carddav = c.url(p.services().carddav(), "CardDAV");
        Optional<URI> webdav = c.url(p.services().webdav(), "WebDAV");
        // ManageSieve is never named (no implicit-TLS port in the versions read, automx 3 skips it
        // for -03 too), so it cannot make a document wrong and does not block one either.
        if (c.why != null) {
            return Either.no(c.why);
        }
        if (imap.isEmpty() && pop3.isEmpty() && jmap.isEmpty() || submit.isEmpty() && jmap.isEmpty()) {
            return Either.no("PACC needs an incoming server and a submission server it can express");
        }
        Optional<URI> issuer = c.oauth ? p.oauth2().map(o -> o.issuerUrl()) : Optional.empty();
        return new Either(Optional.empty(), Optional.of(new PaccServices(jmap, imap, pop3, submit, caldav, carddav, webdav, c.password,
                issuer)));
    }

    /** Collects the first reason and which logins the chosen services use. */
    private static final class Checked {
        private final Provider provider;
        private String why;
        private boolean password;
        private boolean oauth;

        Checked(Provider provider) {
            this.provider = provider;
        }

        Optional<String> tcp(List<? extends Server> servers, String protocol, int port) {
            if (servers.isEmpty()) {
                return Optional.empty();
            }
            for (Server s : servers) {
                if (s.security() == Security.TLS && s.port() == port && byAddress(s.login()) && logins(s.authentication(), false)) {
                    return Optional.of(s.hostname());
                }
            }
            // Every server's reason: the admin sees what each one lacks.
            fail(protocol + " " + String.join("; ", servers.stream().map(s -> s.hostname() + ":" + s.port() + " " + tcpProblem(s, port)).toList()));
            return Optional.empty();
        }

        Optional<URI> url(Optional<UrlService> service, String protocol) {
            if (service.isEmpty()) {
                return Optional.empty();
            }
            UrlService s = service.get();
            if (s.url().getPort() != -1 && s.url().getPort() != 443) {
                fail(protocol + " " + s.url() + ": PACC URLs are https on port 443");
            } else if (!byAddress(s.login())) {
                fail(protocol + " logs in as " + describe(s.login()) + "; PACC's login is always the address");
            } else if (!logins(s.authentication(), true)) {
                fail(protocol + " accepts no login PACC can name (a password over HTTP Basic/Digest, or OAuth2 with oauth2 settings)");
            } else {
                return Optional.of(s.url());
            }
            return Optional.empty();
        }

        private String tcpProblem(Server s, int port) {
            if (s.security() != Security.TLS) {
                return "uses " + s.security().key() + "; PACC implies TLS from the first byte";
            }
            if (s.port() != port) {
                return "is not on the default port " + port + ", and PACC carries no port";
            }
            if (!byAddress(s.login())) {
                return "logs in as " + describe(s.login()) + "; PACC's login is always the address";
            }
            return "accepts no login PACC can name (a password, or OAuth2 with oauth2 settings)";
        }

        private boolean logins(List<Authentication> auth, boolean http) {
            boolean pw = auth.stream().anyMatch(a -> http
                    ? a instanceof Authentication.Http h && (h.scheme().equalsIgnoreCase("Basic") || h.scheme().equalsIgnoreCase("Digest"))
                    : a instanceof Authentication.Method m && (m.method() == AuthMethod.PASSWORD_CLEARTEXT || m.method() == AuthMethod.PASSWORD_ENCRYPTED)
                            || a instanceof Authentication.Sasl);
            boolean oa = provider.oauth2().isPresent()
                    && auth.stream().anyMatch(a -> a instanceof Authentication.Method m && m.method() == AuthMethod.OAUTH2);
            password |= pw;
            oauth |= oa;
            return pw || oa;
        }

        private static boolean byAddress(LoginTemplate login) {
            return login instanceof LoginTemplate.Derived d && d.template().equals(LoginTemplate.EMAILADDRESS);
        }

        private static String describe(LoginTemplate login) {
            return login instanceof LoginTemplate.Derived d ? "'" + d.template() + "'" : "a name the user types";
        }

        private void fail(String reason) {
            if (why == null) {
                why = reason;
            }
        }
    }
}
