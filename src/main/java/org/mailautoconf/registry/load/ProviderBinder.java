package org.mailautoconf.registry.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.Assumption;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.Documentation;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.EnableStep;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LocalizedText;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OAuth2Settings;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;
import org.mailautoconf.registry.Services;
import org.mailautoconf.registry.Webmail;

/** Turns one provider file's tree (after {@code extends}) into a {@link Provider}, reporting every problem on the way. */
final class ProviderBinder {

    static final Set<String> FIELDS = Set.of("id", "name", "shortName", "profile", "extends", "domains", "incoming",
            "outgoing", "documentation", "enable", "webmail", "activeSync", "caCertificate", "oauth2", "redirect",
            "aliases", "assumptions", "jmap", "caldav", "carddav", "webdav", "manageSieve", "mx", DirectoryUseBinder.FIELD,
            BrandingBinder.FIELD, DomainListRef.FIELD);

    private final NodeReader reader;
    private final ServerBinder servers;
    private final ServiceBinder services;

    ProviderBinder(NodeReader reader) {
        this.reader = reader;
        this.servers = new ServerBinder(reader);
        this.services = new ServiceBinder(reader, servers);
    }

    /** The provider, or null when something is wrong (the problems say what) or when reading a profile. */
    Provider bind(YamlNode.Mapping root, Path file) {
        Map<String, YamlNode.Entry> f = reader.fields(root, "", FIELDS);
        Location at = root.location();
        String id = reader.text(f.get("id"), "id");
        String name = reader.require(f, "name", at, "", "the name people see, such as \"Politecnico di Torino\"")
                ? reader.text(f.get("name"), "name") : null;
        String shortName = f.containsKey("shortName") ? reader.text(f.get("shortName"), "shortName") : name;
        reader.bool(f.get("profile"), "profile");
        reader.text(f.get("extends"), "extends");

        // A hoster's provider may list no domain at all: its mx: or domainList: has them (docs/hosting.md).
        List<DomainPattern> domains = !f.containsKey("domains") && (f.containsKey("mx") || f.containsKey(DomainListRef.FIELD)) ? List.of()
                : reader.require(f, "domains", at, "", "the mail domains this provider serves (or its mail servers in mx)")
                ? reader.list(f.get("domains"), "domains", true, this::domain) : null;
        if (domains != null && domains.isEmpty() && f.containsKey("domains") && reader.complete()) {
            reader.error(f.get("domains").value().location(), "domains", "empty-value", "list at least one domain");
        }
        List<IncomingServer> incoming = reader.require(f, "incoming", at, "", "at least one imap or pop3 server")
                ? reader.list(f.get("incoming"), "incoming", false, servers::incoming) : null;
        List<OutgoingServer> outgoing = reader.require(f, "outgoing", at, "", "at least one smtp server")
                ? reader.list(f.get("outgoing"), "outgoing", false, servers::outgoing) : null;
        nonEmpty(f, "incoming", incoming);
        nonEmpty(f, "outgoing", outgoing);

        List<Documentation> documentation = f.containsKey("documentation")
                ? reader.list(f.get("documentation"), "documentation", false, this::documentation) : List.of();
        Optional<EnableStep> enable = optional(f, "enable", this::enable);
        Optional<Webmail> webmail = optional(f, "webmail", this::webmail);
        Optional<ActiveSync> activeSync = optional(f, "activeSync", this::activeSync);
        Optional<CaCertificate> ca = optional(f, "caCertificate", (n, p) -> caCertificate(n, p, file));
        Optional<OAuth2Settings> oauth2 = optional(f, "oauth2", this::oauth2);
        Optional<Redirect> redirect = optional(f, "redirect", this::redirect);
        Map<String, Redirect> aliases = f.containsKey("aliases") ? aliases(f.get("aliases")) : Map.of();
        List<Assumption> assumptions = f.containsKey("assumptions")
                ? reader.list(f.get("assumptions"), "assumptions", false, (n, p) -> assumption(n, p, root)) : List.of();
        Services offered = services.services(f);

        List<DomainPattern> mx = f.containsKey("mx") ? new MxBinder(reader).mx(f.get("mx")) : List.of();
        Optional<org.mailautoconf.registry.DirectoryUse> directory = new DirectoryUseBinder(reader).bind(f);
        Optional<org.mailautoconf.registry.Branding> branding = new BrandingBinder(reader).bind(f, file);

        if (directory == null || branding == null || !reader.complete() || mx == null || id == null || name == null || shortName == null || domains == null
                || incoming == null || outgoing == null || documentation == null || aliases == null || assumptions == null
                || enable == null || webmail == null || activeSync == null || ca == null || oauth2 == null || redirect == null
                || offered == null) {
            return null;
        }
        return new Provider(id, name, shortName, domains, incoming, outgoing, documentation, enable, webmail,
                activeSync, ca, oauth2, redirect, aliases, assumptions, offered, file, mx, directory, branding);
    }

    private void nonEmpty(Map<String, YamlNode.Entry> f, String key, List<?> list) {
        if (list != null && list.isEmpty() && reader.complete()) {
            reader.error(f.get(key).value().location(), key, "empty-value", "list at least one server");
        }
    }

    /** Null marks a problem; an absent field is {@code Optional.empty()}. */
    private <T> Optional<T> optional(Map<String, YamlNode.Entry> f, String key, java.util.function.BiFunction<YamlNode, String, T> read) {
        YamlNode.Entry e = f.get(key);
        if (e == null) {
            return Optional.empty();
        }
        T value = read.apply(e.value(), key);
        return value == null ? null : Optional.of(value);
    }

    private DomainPattern domain(YamlNode node, String path) {
        String text = NodeReader.scalarText(node);
        if (text == null || text.isBlank()) {
            reader.error(node.location(), path, "wrong-type", "must be a domain name such as example.org");
            return null;
        }
        boolean wildcard = text.startsWith("*.");
        String name = wildcard ? text.substring(2) : text;
        try {
            if (name.contains("*")) {
                throw new IllegalArgumentException("'*' stands only at the start, as in *.example.org");
            }
            DomainName parsed = DomainName.parse(name);
            IdnaDeviation.check(parsed, "the domain", reader, node.location(), path);
            return new DomainPattern(parsed, wildcard);
        } catch (IllegalArgumentException ex) {
            reader.error(node.location(), path, "bad-domain", "'" + text + "' is not a valid domain: " + ex.getMessage());
            return null;
        }
    }

    private Documentation documentation(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("url", "description"));
        if (f == null || !reader.require(f, "url", node.location(), path, "the address of the page")) {
            return null;
        }
        URI url = reader.url(f.get("url"), path + ".url", false);
        LocalizedText description = f.containsKey("description") ? reader.localized(f.get("description"), path + ".description") : LocalizedText.EMPTY;
        return url == null || description == null ? null : new Documentation(url, description);
    }

    private EnableStep enable(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("url", "instructions"));
        if (f == null || !reader.require(f, "url", node.location(), path, "the page where the user does this step")) {
            return null;
        }
        URI url = reader.url(f.get("url"), path + ".url", false);
        LocalizedText instructions = f.containsKey("instructions") ? reader.localized(f.get("instructions"), path + ".instructions") : LocalizedText.EMPTY;
        return url == null || instructions == null ? null : new EnableStep(url, instructions);
    }

    private Webmail webmail(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("url"));
        if (f == null || !reader.require(f, "url", node.location(), path, "the webmail login page")) {
            return null;
        }
        URI url = reader.url(f.get("url"), path + ".url", false);
        return url == null ? null : new Webmail(url);
    }

    private ActiveSync activeSync(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("url", "login"));
        if (f == null || !reader.require(f, "url", node.location(), path,
                "the https URL of the ActiveSync endpoint, such as https://mail.example.org/Microsoft-Server-ActiveSync")) {
            return null;
        }
        URI url = reader.url(f.get("url"), path + ".url", true);
        LoginTemplate login = f.containsKey("login") ? servers.login(f.get("login"), path + ".login") : LoginTemplate.Derived.EMAIL_ADDRESS;
        return url == null || login == null ? null : new ActiveSync(url, login);
    }

    private CaCertificate caCertificate(YamlNode node, String path, Path providerFile) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("file", "source"));
        if (f == null || !reader.require(f, "file", node.location(), path, "the certificate file, relative to this provider file")) {
            return null;
        }
        String fileName = reader.text(f.get("file"), path + ".file");
        URI source = f.containsKey("source") ? reader.url(f.get("source"), path + ".source", false) : null;
        if (fileName == null || (f.containsKey("source") && source == null)) {
            return null;
        }
        Path dir = providerFile.toAbsolutePath().getParent();
        Path certFile = dir.resolve(fileName).normalize();
        Location at = f.get("file").value().location();
        if (!Files.isRegularFile(certFile)) {
            reader.warning(at, path + ".file", "ca-file-missing", "no certificate at " + certFile
                    + (source != null ? "; download it from " + source + " and put it there" : "")
                    + "; until then answers leave the CA out");
            return new CaCertificate(certFile, Optional.ofNullable(source), Optional.empty());
        }
        try (InputStream in = Files.newInputStream(certFile)) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            if (cert.getBasicConstraints() < 0) {
                reader.warning(at, path + ".file", "ca-not-ca", certFile.getFileName()
                        + " is a certificate but not a CA certificate (no CA basic constraint); devices may refuse to trust it as a root");
            }
            return new CaCertificate(certFile, Optional.ofNullable(source), Optional.of(cert));
        } catch (CertificateException | IOException | ClassCastException ex) {
            reader.error(at, path + ".file", "ca-not-certificate", certFile.getFileName()
                    + " is not an X.509 certificate (PEM or DER): " + ex.getMessage());
            return null;
        }
    }

    private OAuth2Settings oauth2(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("issuer", "scope", "authUrl", "tokenUrl", "clientId"));
        if (f == null) {
            return null;
        }
        boolean all = true;
        for (String key : List.of("issuer", "scope", "authUrl", "tokenUrl")) {
            all &= reader.require(f, key, node.location(), path, "OAuth2 needs issuer, scope, authUrl and tokenUrl");
        }
        if (!all) {
            return null;
        }
        String issuer = reader.text(f.get("issuer"), path + ".issuer");
        String scope = reader.text(f.get("scope"), path + ".scope");
        URI auth = reader.url(f.get("authUrl"), path + ".authUrl", true);
        URI token = reader.url(f.get("tokenUrl"), path + ".tokenUrl", true);
        String clientId = f.containsKey("clientId") ? reader.text(f.get("clientId"), path + ".clientId") : "";
        if (issuer != null && issuer.contains("/") && !issuer.startsWith("https://")) {
            reader.error(f.get("issuer").value().location(), path + ".issuer", "bad-url",
                    "the issuer is a host name (accounts.example.org) or an https URL (RFC 8414), was '" + issuer + "'");
            issuer = null;
        }
        return issuer == null || scope == null || auth == null || token == null || clientId == null ? null
                : new OAuth2Settings(issuer, scope, auth, token, clientId.isEmpty() ? Optional.empty() : Optional.of(clientId));
    }

    private Redirect redirect(YamlNode node, String path) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("address", "autodiscoverUrl"));
        if (f == null) {
            return null;
        }
        if (f.size() != 1) {
            reader.error(node.location(), path, "bad-value",
                    "a redirect has exactly one of 'address' (a template such as \"%EMAILLOCALPART%@new.example\") or 'autodiscoverUrl' (https)");
            return null;
        }
        if (f.containsKey("autodiscoverUrl")) {
            URI url = reader.url(f.get("autodiscoverUrl"), path + ".autodiscoverUrl", true);
            return url == null ? null : new Redirect.ToAutodiscoverUrl(url);
        }
        String template = reader.text(f.get("address"), path + ".address");
        if (template == null) {
            return null;
        }
        String problem = Templates.check(template);
        if (problem == null) {
            try {
                EmailAddress.parse(template.replace(LoginTemplate.EMAILADDRESS, "a@b.example")
                        .replace(LoginTemplate.EMAILLOCALPART, "a").replace(LoginTemplate.EMAILDOMAIN, "b.example"));
            } catch (IllegalArgumentException ex) {
                problem = "'" + template + "' does not make an address: " + ex.getMessage();
            }
        }
        if (problem != null) {
            reader.error(f.get("address").value().location(), path + ".address", "bad-placeholder", problem);
            return null;
        }
        return new Redirect.ToAddress(template);
    }

    private Map<String, Redirect> aliases(YamlNode.Entry e) {
        if (!(e.value() instanceof YamlNode.Mapping m)) {
            reader.error(e.value().location(), "aliases", "wrong-type", "must be a map from an address to its redirect");
            return null;
        }
        Map<String, Redirect> out = new LinkedHashMap<>();
        boolean ok = true;
        for (YamlNode.Entry alias : m.entries()) {
            String path = "aliases." + alias.key();
            try {
                String address = EmailAddress.parse(alias.key()).toString();
                Redirect r = redirect(alias.value(), path);
                if (r == null) {
                    ok = false;
                } else {
                    out.put(address, r);
                }
            } catch (IllegalArgumentException ex) {
                reader.error(alias.keyLocation(), path, "bad-address", "'" + alias.key() + "' is not an address: " + ex.getMessage());
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private Assumption assumption(YamlNode node, String path, YamlNode.Mapping root) {
        Map<String, YamlNode.Entry> f = reader.fields(node, path, Set.of("field", "note"));
        if (f == null || !reader.require(f, "field", node.location(), path, "the path of the assumed field, such as incoming[0].hostname")
                || !reader.require(f, "note", node.location(), path, "why the value was assumed and whom to ask")) {
            return null;
        }
        String field = reader.text(f.get("field"), path + ".field");
        String note = reader.text(f.get("note"), path + ".note");
        if (field == null || note == null) {
            return null;
        }
        if (FieldPath.resolve(root, field) == null) {
            reader.error(f.get("field").value().location(), path + ".field", "bad-field-path",
                    "'" + field + "' names no field of this provider (write it like incoming[0].hostname)");
            return null;
        }
        reader.note(f.get("field").value().location(), field, "assumption", "assumed value to confirm: " + note);
        return new Assumption(field, note);
    }
}
