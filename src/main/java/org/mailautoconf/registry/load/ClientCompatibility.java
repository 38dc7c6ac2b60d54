package org.mailautoconf.registry.load;

import java.util.List;
import java.util.Set;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;

/**
 * Warnings for provider files that load but that a real client would reject or misread. Each
 * rule comes from reading the client's own source; docs/validation.md explains each code.
 */
final class ClientCompatibility {

    private static final Set<AuthMethod> ANDROID_USABLE = Set.of(AuthMethod.OAUTH2, AuthMethod.PASSWORD_CLEARTEXT,
            AuthMethod.PASSWORD_ENCRYPTED);
    private static final Set<AuthMethod> DESKTOP_INCOMING_USABLE = Set.of(AuthMethod.PASSWORD_CLEARTEXT,
            AuthMethod.PASSWORD_ENCRYPTED, AuthMethod.OAUTH2, AuthMethod.GSSAPI, AuthMethod.NTLM);
    /** Ports on which Thunderbird, reading an Autodiscover answer, assumes STARTTLS. */
    static final Set<Integer> STARTTLS_PORTS = Set.of(143, 110, 25, 587);

    private final NodeReader reader;

    ClientCompatibility(NodeReader reader) {
        this.reader = reader;
    }

    void check(Provider provider, YamlNode.Mapping tree) {
        if (provider.incoming().stream().noneMatch(s -> s.protocol() == IncomingProtocol.IMAP)) {
            reader.warning(at(tree, "incoming"), "incoming", "tb-android-no-imap",
                    "Thunderbird for Android reads only IMAP servers and finds nothing usable in this provider");
        }
        for (int i = 0; i < provider.incoming().size(); i++) {
            IncomingServer s = provider.incoming().get(i);
            String path = "incoming[" + i + "]";
            if (s.protocol() == IncomingProtocol.IMAP) {
                android(s, tree, path);
            }
            if (s.authentication().stream().noneMatch(a -> a instanceof Authentication.Method m && DESKTOP_INCOMING_USABLE.contains(m.method()))) {
                reader.warning(at(tree, path), path + ".authentication", "tb-incoming-auth",
                        "Thunderbird cannot log in to an incoming server with only " + keys(s.authentication())
                                + " and skips this server");
            }
            common(s, tree, path);
        }
        for (int i = 0; i < provider.outgoing().size(); i++) {
            String path = "outgoing[" + i + "]";
            android(provider.outgoing().get(i), tree, path);
            common(provider.outgoing().get(i), tree, path);
        }
    }

    private void android(Server s, YamlNode.Mapping tree, String path) {
        if (s.security() == Security.NONE) {
            reader.warning(at(tree, path), path + ".security", "tb-android-plain",
                    "Thunderbird for Android rejects the whole configuration when any IMAP or SMTP server has security none");
        }
        if (s.requiresLogin() && s.authentication().stream().noneMatch(a -> a instanceof Authentication.Method m && ANDROID_USABLE.contains(m.method()))) {
            reader.warning(at(tree, path), path + ".authentication", "tb-android-auth",
                    "Thunderbird for Android rejects the whole configuration when a server offers none of OAuth2,"
                            + " password-cleartext, password-encrypted");
        }
    }

    private void common(Server s, YamlNode.Mapping tree, String path) {
        List<Authentication> auth = s.authentication();
        int oauth = indexOf(auth, AuthMethod.OAUTH2);
        boolean passwordAfter = oauth >= 0 && auth.subList(oauth + 1, auth.size()).stream()
                .anyMatch(a -> a instanceof Authentication.Method m && m.method().usesPassword());
        if (oauth >= 0 && !passwordAfter) {
            reader.warning(at(tree, path), path + ".authentication", "tb-oauth2-only",
                    "Thunderbird uses OAuth2 only for the hosts built into it; list password-cleartext after OAuth2"
                            + " so other clients and hosts still work");
        }
        if (s.login() instanceof LoginTemplate.AskUser) {
            reader.warning(at(tree, path), path + ".login", "ask-user-login",
                    "the login cannot be derived (askUser) and no client asks for it: config-v1.1 and Outlook answers"
                            + " carry \"" + LoginTemplate.AskUser.STAND_IN + "\", which Thunderbird uses unless the user"
                            + " edits it in its summary (a missing username would be \"undefined\") and with which"
                            + " Thunderbird for Android and Outlook fail their login check; Apple devices ask while"
                            + " installing; a directory gives each user's login (docs/directories.md)");
        }
        if (s.login() instanceof LoginTemplate.Derived d && d.isLiteral()) {
            reader.warning(at(tree, path), path + ".login", "literal-login",
                    "the login '" + d.template() + "' has no placeholder, so every user gets the same login name");
        }
        boolean starttlsPort = STARTTLS_PORTS.contains(s.port());
        if ((s.security() == Security.STARTTLS && !starttlsPort) || (s.security() == Security.TLS && starttlsPort)) {
            reader.warning(at(tree, path), path + ".port", "autodiscover-port-security",
                    "Thunderbird, reading the Autodiscover answer, decides STARTTLS by port (143, 110, 25, 587 mean"
                            + " STARTTLS, any other port TLS), so it reads " + s.security().key() + " on port " + s.port()
                            + " wrongly; use the standard port for this security");
        }
    }

    private static int indexOf(List<Authentication> auth, AuthMethod method) {
        for (int i = 0; i < auth.size(); i++) {
            if (auth.get(i) instanceof Authentication.Method m && m.method() == method) {
                return i;
            }
        }
        return -1;
    }

    private static String keys(List<Authentication> auth) {
        return String.join(", ", auth.stream().map(Authentication::key).toList());
    }

    private static Location at(YamlNode.Mapping tree, String path) {
        YamlNode node = FieldPath.resolve(tree, path);
        return node == null ? tree.location() : node.location();
    }
}
