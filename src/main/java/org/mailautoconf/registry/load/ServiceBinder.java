package org.mailautoconf.registry.load;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.ManageSieve;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Services;
import org.mailautoconf.registry.UrlService;

/**
 * Reads the services beside the mail servers: {@code jmap}, {@code caldav}, {@code carddav},
 * {@code webdav} (an https URL each) and {@code manageSieve} (host and port), each with its
 * authentication and login, every mistake a {@link Problem} with its field path.
 */
final class ServiceBinder {

    static final Set<String> KEYS = Set.of("jmap", "caldav", "carddav", "webdav", "manageSieve");
    private static final Set<String> URL_FIELDS = Set.of("url", "authentication", "login");
    private static final Set<String> SIEVE_FIELDS = Set.of("hostname", "port", "security", "authentication", "login");
    private static final List<Authentication> HTTP_BASIC = List.of(new Authentication.Http("Basic"));
    private static final List<Authentication> PASSWORD = List.of(Authentication.of(AuthMethod.PASSWORD_CLEARTEXT));

    private final NodeReader reader;
    private final ServerBinder servers;

    ServiceBinder(NodeReader reader, ServerBinder servers) {
        this.reader = reader;
        this.servers = servers;
    }

    /** The services among the provider file's fields; null when any of them is wrong. */
    Services services(Map<String, YamlNode.Entry> f) {
        Optional<UrlService> jmap = url(f.get("jmap"), "jmap", true);
        Optional<UrlService> caldav = url(f.get("caldav"), "caldav", false);
        Optional<UrlService> carddav = url(f.get("carddav"), "carddav", false);
        Optional<UrlService> webdav = url(f.get("webdav"), "webdav", false);
        Optional<ManageSieve> sieve = f.containsKey("manageSieve") ? Optional.ofNullable(manageSieve(f.get("manageSieve").value(), "manageSieve")) : Optional.empty();
        if (jmap == null || caldav == null || carddav == null || webdav == null || (f.containsKey("manageSieve") && sieve.isEmpty())) {
            return null;
        }
        return new Services(jmap, caldav, carddav, webdav, sieve);
    }

    /**
     * A URL service, empty when absent, null when wrong. JMAP's URL is its session resource, so
     * it needs a path (RFC 8620 §2.2, usually {@code /.well-known/jmap}); a DAV URL may be the root.
     */
    private Optional<UrlService> url(YamlNode.Entry e, String path, boolean needsPath) {
        if (e == null) {
            return Optional.empty();
        }
        Map<String, YamlNode.Entry> f = reader.fields(e.value(), path, URL_FIELDS);
        if (f == null || !reader.require(f, "url", e.value().location(), path, "the service's https URL, such as https://dav.example.org/")) {
            return null;
        }
        URI url = reader.url(f.get("url"), path + ".url", true);
        if (url != null) {
            String problem = url.getRawQuery() != null || url.getRawFragment() != null ? "has a query or fragment; clients append nothing to it"
                    : url.getRawUserInfo() != null ? "carries a user name; the login goes in 'login'"
                    : needsPath && (url.getRawPath() == null || url.getRawPath().length() <= 1)
                    ? "needs a path: JMAP's URL is its session resource, such as https://jmap.example.org/.well-known/jmap"
                    : url.getRawPath() == null || url.getRawPath().isEmpty() ? "needs a path, at least '/'" : null;
            if (problem != null) {
                reader.error(f.get("url").value().location(), path + ".url", "bad-url", "'" + url + "' " + problem);
                url = null;
            }
        }
        List<Authentication> auth = authentication(f, path, HTTP_BASIC, true);
        LoginTemplate login = f.containsKey("login") ? servers.login(f.get("login"), path + ".login") : LoginTemplate.Derived.EMAIL_ADDRESS;
        return url == null || auth == null || login == null ? null : Optional.of(new UrlService(url, auth, login));
    }

    private ManageSieve manageSieve(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, SIEVE_FIELDS);
        if (f == null) {
            return null;
        }
        String hostname = reader.require(f, "hostname", node.location(), path, "the ManageSieve server's host name")
                ? servers.hostname(f.get("hostname"), path + ".hostname") : null;
        Integer port = f.containsKey("port") ? reader.integer(f.get("port"), path + ".port", 1, 65535) : Integer.valueOf(ManageSieve.DEFAULT_PORT);
        Security security = f.containsKey("security") ? servers.security(f.get("security"), path + ".security") : Security.STARTTLS;
        if (security == Security.NONE) {
            reader.error(f.get("security").value().location(), path + ".security", "bad-value",
                    "a ManageSieve login sends the password: write starttls (RFC 5804's default) or tls");
            security = null;
        }
        List<Authentication> auth = authentication(f, path, PASSWORD, false);
        LoginTemplate login = f.containsKey("login") ? servers.login(f.get("login"), path + ".login") : LoginTemplate.Derived.EMAIL_ADDRESS;
        return hostname == null || port == null || security == null || auth == null || login == null ? null
                : new ManageSieve(hostname, port, security, auth, login);
    }

    /** HTTP services take HTTP schemes and OAuth2; ManageSieve SASL mechanisms and the password methods. */
    private List<Authentication> authentication(Map<String, YamlNode.Entry> f, String path, List<Authentication> byDefault, boolean http) {
        YamlNode.Entry e = f.get("authentication");
        if (e == null) {
            return byDefault;
        }
        String at = path + ".authentication";
        List<Authentication> auth = reader.list(e, at, true, servers::authentication);
        if (auth == null) {
            return null;
        }
        if (auth.isEmpty()) {
            reader.error(e.value().location(), at, "empty-value", "list at least one authentication method");
            return null;
        }
        for (Authentication a : auth) {
            boolean oauth = a instanceof Authentication.Method m && m.method() == AuthMethod.OAUTH2;
            boolean fits = http ? a instanceof Authentication.Http || oauth
                    : a instanceof Authentication.Sasl || oauth || (a instanceof Authentication.Method m
                    && (m.method() == AuthMethod.PASSWORD_CLEARTEXT || m.method() == AuthMethod.PASSWORD_ENCRYPTED));
            if (!fits) {
                reader.error(e.value().location(), at, "bad-value", http
                        ? "'" + a.key() + "' is not an HTTP login: write http:Basic, http:Digest or OAuth2"
                        : "'" + a.key() + "' is not a ManageSieve login: write sasl:MECHANISM, password-cleartext, password-encrypted or OAuth2");
                return null;
            }
        }
        return auth;
    }
}
