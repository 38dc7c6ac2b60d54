package org.mailautoconf.registry.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LocalizedText;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Pop3Options;
import org.mailautoconf.registry.Security;

/** Reads the {@code incoming} and {@code outgoing} server entries of a provider file. */
final class ServerBinder {

    static final Set<String> INCOMING_FIELDS = Set.of("type", "hostname", "port", "security", "authentication", "login", "pop3");
    static final Set<String> OUTGOING_FIELDS = Set.of("type", "hostname", "port", "security", "authentication", "login",
            "addThisServer", "useGlobalPreferredServer");
    private static final Set<String> POP3_FIELDS = Set.of("leaveMessagesOnServer", "daysToLeaveMessagesOnServer",
            "downloadOnBiff", "checkIntervalMinutes");
    private static final Set<String> LOGIN_FIELDS = Set.of("askUser");
    private static final List<Authentication> DEFAULT_AUTH = List.of(Authentication.of(AuthMethod.PASSWORD_CLEARTEXT));

    private final NodeReader reader;

    ServerBinder(NodeReader reader) {
        this.reader = reader;
    }

    IncomingServer incoming(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, INCOMING_FIELDS);
        if (f == null) {
            return null;
        }
        IncomingProtocol protocol = null;
        if (reader.require(f, "type", node.location(), path, "imap or pop3")) {
            String type = reader.text(f.get("type"), path + ".type");
            if (type != null) {
                protocol = Arrays.stream(IncomingProtocol.values()).filter(p -> p.key().equals(type)).findFirst().orElse(null);
                if (protocol == null) {
                    reader.error(f.get("type").value().location(), path + ".type", "bad-value",
                            "incoming servers are of type imap or pop3, was '" + type + "'");
                }
            }
        }
        Common c = common(f, node, path);
        Optional<Pop3Options> pop3 = Optional.empty();
        if (f.containsKey("pop3")) {
            pop3 = Optional.ofNullable(pop3(f.get("pop3").value(), path + ".pop3"));
            if (protocol == IncomingProtocol.IMAP) {
                reader.error(f.get("pop3").keyLocation(), path + ".pop3", "bad-value", "pop3 options belong to a server of type pop3");
            }
        }
        if (protocol == null || c == null) {
            return null;
        }
        return new IncomingServer(protocol, c.hostname, c.port, c.security, c.auth, c.login, pop3);
    }

    OutgoingServer outgoing(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, OUTGOING_FIELDS);
        if (f == null) {
            return null;
        }
        boolean typeOk = true;
        if (f.containsKey("type")) {
            String type = reader.text(f.get("type"), path + ".type");
            typeOk = "smtp".equals(type);
            if (type != null && !typeOk) {
                reader.error(f.get("type").value().location(), path + ".type", "bad-value",
                        "outgoing servers are of type smtp, was '" + type + "'");
            }
        }
        Common c = common(f, node, path);
        Boolean add = reader.bool(f.get("addThisServer"), path + ".addThisServer");
        Boolean global = reader.bool(f.get("useGlobalPreferredServer"), path + ".useGlobalPreferredServer");
        if (c == null || !typeOk) {
            return null;
        }
        return new OutgoingServer(c.hostname, c.port, c.security, c.auth, c.login,
                add == null || add, global != null && global);
    }

    private record Common(String hostname, int port, Security security, List<Authentication> auth, LoginTemplate login) {}

    private Common common(Map<String, YamlNode.Entry> f, YamlNode node, String path) {
        String hostname = null;
        if (reader.require(f, "hostname", node.location(), path, "the server's host name")) {
            hostname = hostname(f.get("hostname"), path + ".hostname");
        }
        Integer port = null;
        if (reader.require(f, "port", node.location(), path, "a port number from 1 to 65535")) {
            port = reader.integer(f.get("port"), path + ".port", 1, 65535);
        }
        Security security = null;
        if (reader.require(f, "security", node.location(), path, "tls, starttls or none")) {
            security = security(f.get("security"), path + ".security");
        }
        List<Authentication> auth = f.containsKey("authentication")
                ? reader.list(f.get("authentication"), path + ".authentication", true, this::authentication)
                : DEFAULT_AUTH;
        if (auth != null && auth.isEmpty()) {
            reader.error(f.get("authentication").value().location(), path + ".authentication", "empty-value",
                    "list at least one authentication method, such as password-cleartext");
            auth = null;
        }
        LoginTemplate login = f.containsKey("login") ? login(f.get("login"), path + ".login") : LoginTemplate.Derived.EMAIL_ADDRESS;
        if (hostname == null || port == null || security == null || auth == null || login == null) {
            return null;
        }
        return new Common(hostname, port, security, auth, login);
    }

    /** A host name, which may use %EMAILDOMAIN% for hosters whose servers are named after each domain. */
    String hostname(YamlNode.Entry e, String path) {
        String text = reader.text(e, path);
        if (text == null) {
            return null;
        }
        String probe = text.replace(LoginTemplate.EMAILDOMAIN, "example.org");
        try {
            if (probe.contains("%")) {
                throw new IllegalArgumentException("only the placeholder %EMAILDOMAIN% may stand in a host name");
            }
            if (probe.contains(":") || probe.contains("/")) {
                throw new IllegalArgumentException("write only the host name; the port goes in 'port'");
            }
            DomainName name = DomainName.parse(probe);
            if (name.labelCount() < 2) {
                throw new IllegalArgumentException("a server's host name has at least two labels, such as mail.example.org");
            }
            return asciiLabels(text, e.value().location(), path);
        } catch (IllegalArgumentException ex) {
            reader.error(e.value().location(), path, "bad-hostname", "'" + text + "' is not a valid host name: " + ex.getMessage());
            return null;
        }
    }

    /**
     * The host name with each label in its IDNA 2008 ASCII form, as the asked domain that fills
     * {@code %EMAILDOMAIN%} is: every client, whatever IDNA it implements, then reaches the same host.
     */
    private String asciiLabels(String text, Location at, String path) {
        String[] labels = text.toLowerCase(Locale.ROOT).replace("%emaildomain%", LoginTemplate.EMAILDOMAIN)
                .split("[.\u3002\uFF0E\uFF61]", -1);
        for (int i = 0; i < labels.length; i++) {
            if (!labels[i].contains(LoginTemplate.EMAILDOMAIN) && !labels[i].isEmpty()) {
                DomainName label = DomainName.parse(labels[i]);
                IdnaDeviation.check(label, "the host name's label", reader, at, path);
                labels[i] = label.ascii();
            }
        }
        return String.join(".", labels).replaceFirst("\\.$", "");
    }

    Security security(YamlNode.Entry e, String path) {
        String text = reader.text(e, path);
        if (text == null) {
            return null;
        }
        for (Security s : Security.values()) {
            if (s.key().equals(text)) {
                return s;
            }
        }
        String hint = switch (text.toLowerCase(Locale.ROOT)) {
            case "ssl", "ssl/tls", "implicit", "tls" -> "; for TLS from the first byte (993, 995, 465) write tls";
            case "plain", "off", "false" -> "; for no encryption write none";
            case "starttls" -> "; write starttls in lower case";
            default -> "";
        };
        reader.error(e.value().location(), path, "bad-value", "security is tls, starttls or none, was '" + text + "'" + hint);
        return null;
    }

    Authentication authentication(YamlNode node, String path) {
        String text = NodeReader.scalarText(node);
        if (text == null || text.isBlank()) {
            reader.error(node.location(), path, "wrong-type", "must be an authentication method such as password-cleartext");
            return null;
        }
        if (text.startsWith("sasl:") && text.length() > 5) {
            return new Authentication.Sasl(text.substring(5));
        }
        if (text.startsWith("http:") && text.length() > 5) {
            return new Authentication.Http(text.substring(5));
        }
        Optional<AuthMethod> method = AuthMethod.byKey(text);
        if (method.isPresent()) {
            return Authentication.of(method.get());
        }
        Set<String> keys = Set.copyOf(Arrays.stream(AuthMethod.values()).map(AuthMethod::key).toList());
        String hint = NodeReader.suggestion(text, keys).map(s -> "; did you mean '" + s + "'?")
                .orElse("; known: " + String.join(", ", keys.stream().sorted().toList()) + ", sasl:MECHANISM, http:SCHEME");
        reader.error(node.location(), path, "bad-value", "unknown authentication method '" + text + "'" + hint);
        return null;
    }

    /** A login template, or {@code {askUser: {it: ..., en: ...}}} where the login cannot be derived. */
    LoginTemplate login(YamlNode.Entry e, String path) {
        if (e.value() instanceof YamlNode.Mapping) {
            Map<String, YamlNode.Entry> f = reader.fields(e.value(), path, LOGIN_FIELDS);
            if (f == null || !f.containsKey("askUser")) {
                reader.error(e.value().location(), path, "missing-field",
                        "a login is a template such as \"%EMAILADDRESS%\", or {askUser: {en: \"what to type\"}}");
                return null;
            }
            YamlNode.Entry ask = f.get("askUser");
            if (ask.value() instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL) {
                return new LoginTemplate.AskUser(LocalizedText.EMPTY);
            }
            LocalizedText hint = reader.localized(ask, path + ".askUser");
            return hint == null ? null : new LoginTemplate.AskUser(hint);
        }
        String text = reader.text(e, path);
        if (text == null) {
            return null;
        }
        String problem = Templates.check(text);
        if (problem != null) {
            reader.error(e.value().location(), path, "bad-placeholder", problem);
            return null;
        }
        return new LoginTemplate.Derived(text);
    }

    private Pop3Options pop3(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, POP3_FIELDS);
        if (f == null) {
            return null;
        }
        return new Pop3Options(
                Optional.ofNullable(reader.bool(f.get("leaveMessagesOnServer"), path + ".leaveMessagesOnServer")),
                Optional.ofNullable(reader.integer(f.get("daysToLeaveMessagesOnServer"), path + ".daysToLeaveMessagesOnServer", 1, 36500)),
                Optional.ofNullable(reader.bool(f.get("downloadOnBiff"), path + ".downloadOnBiff")),
                Optional.ofNullable(reader.integer(f.get("checkIntervalMinutes"), path + ".checkIntervalMinutes", 1, 10080)));
    }
}
