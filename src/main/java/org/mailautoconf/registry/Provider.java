package org.mailautoconf.registry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mail provider, as its provider file describes it after {@code extends} is applied.
 * Servers are listed in preference order.
 *
 * @param aliases addresses (normalised, see {@link EmailAddress#toString()}) that moved
 *                elsewhere, each with its own redirect
 * @param services JMAP, CalDAV, CardDAV, WebDAV and ManageSieve, beside the mail servers
 * @param source  the provider file, for messages
 * @param mx      the provider's mail servers as customers' MX records name them (host names or
 *                {@code *.} patterns): a domain no file lists is this provider's when its MX
 *                points here (hoster mode, docs/hosting.md)
 * @param directory the directory that supplies per-user values, if any (docs/directories.md)
 * @param branding how the setup page presents the provider (its name and logo), if the file says
 */
public record Provider(
        String id,
        String name,
        String shortName,
        List<DomainPattern> domains,
        List<IncomingServer> incoming,
        List<OutgoingServer> outgoing,
        List<Documentation> documentation,
        Optional<EnableStep> enable,
        Optional<Webmail> webmail,
        Optional<ActiveSync> activeSync,
        Optional<CaCertificate> caCertificate,
        Optional<OAuth2Settings> oauth2,
        Optional<Redirect> redirect,
        Map<String, Redirect> aliases,
        List<Assumption> assumptions,
        Services services,
        Path source,
        List<DomainPattern> mx,
        Optional<DirectoryUse> directory,
        Optional<Branding> branding) {

    /** A provider without branding. */
    public Provider(String id, String name, String shortName, List<DomainPattern> domains, List<IncomingServer> incoming,
                    List<OutgoingServer> outgoing, List<Documentation> documentation, Optional<EnableStep> enable,
                    Optional<Webmail> webmail, Optional<ActiveSync> activeSync, Optional<CaCertificate> caCertificate,
                    Optional<OAuth2Settings> oauth2, Optional<Redirect> redirect, Map<String, Redirect> aliases,
                    List<Assumption> assumptions, Services services, Path source, List<DomainPattern> mx,
                    Optional<DirectoryUse> directory) {
        this(id, name, shortName, domains, incoming, outgoing, documentation, enable, webmail, activeSync, caCertificate,
                oauth2, redirect, aliases, assumptions, services, source, mx, directory, Optional.empty());
    }

    /** A provider that no MX record leads to, no directory serves, and without branding. */
    public Provider(String id, String name, String shortName, List<DomainPattern> domains, List<IncomingServer> incoming,
                    List<OutgoingServer> outgoing, List<Documentation> documentation, Optional<EnableStep> enable,
                    Optional<Webmail> webmail, Optional<ActiveSync> activeSync, Optional<CaCertificate> caCertificate,
                    Optional<OAuth2Settings> oauth2, Optional<Redirect> redirect, Map<String, Redirect> aliases,
                    List<Assumption> assumptions, Services services, Path source) {
        this(id, name, shortName, domains, incoming, outgoing, documentation, enable, webmail, activeSync, caCertificate,
                oauth2, redirect, aliases, assumptions, services, source, List.of(), Optional.empty(), Optional.empty());
    }

    public Provider {
        mx = List.copyOf(mx);
        domains = List.copyOf(domains);
        incoming = List.copyOf(incoming);
        outgoing = List.copyOf(outgoing);
        documentation = List.copyOf(documentation);
        aliases = Map.copyOf(aliases);
        assumptions = List.copyOf(assumptions);
    }

    /** The redirect for this address: its own alias first, then the provider's. */
    public Optional<Redirect> redirectFor(EmailAddress address) {
        Redirect alias = aliases.get(address.toString());
        return alias != null ? Optional.of(alias) : redirect;
    }

    /** The first domain written in the file that is an exact name. */
    public Optional<DomainName> primaryDomain() {
        return domains.stream().filter(d -> !d.wildcard()).map(DomainPattern::name).findFirst();
    }
}
