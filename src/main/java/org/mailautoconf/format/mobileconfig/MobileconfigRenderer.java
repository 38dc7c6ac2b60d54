package org.mailautoconf.format.mobileconfig;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.format.Rendered;
import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingProtocol;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;

/**
 * An Apple configuration profile for one mailbox: the provider's private CA (when its file is
 * loaded), one Mail account, and an Exchange ActiveSync account where the provider has one.
 * Pure: the same provider, domain and address always give the same bytes (name-based UUIDs, no
 * dates); dd-plist writes the XML and does all escaping.
 *
 * <p>The Mail account uses the provider's first incoming server and first outgoing server that
 * Apple can log in to. Files list servers most preferred first, so IMAP comes first unless the
 * file puts POP3 first (Halnet, whose guide shows POP3). A login name that cannot be derived
 * from the address ({@code askUser}) is left out, and the device asks for it while installing.
 */
public final class MobileconfigRenderer {

    public static final String CONTENT_TYPE = "application/x-apple-aspen-config";

    /** The finished answer: the profile, its content type, and the download name Safari saves it under. */
    public Rendered answer(Provider provider, DomainName domain, Optional<EmailAddress> address) {
        return Rendered.ok(render(provider, domain, address), CONTENT_TYPE)
                .withHeader("Content-Disposition", "attachment; filename=\"" + fileName(provider, address) + "\"");
    }

    public byte[] render(Provider provider, DomainName domain, Optional<EmailAddress> address) {
        PayloadIds ids = new PayloadIds(provider, domain, address);
        List<Payload> content = new ArrayList<>();
        // The CA goes first so that it is trusted before the accounts first connect.
        provider.caCertificate().flatMap(CaCertificate::certificate).ifPresent(c -> content.add(rootCertificate(provider, c, ids)));
        mail(provider, domain, address, ids).ifPresent(content::add);
        provider.activeSync().ifPresent(eas -> content.add(activeSync(provider, eas, address, ids)));
        DavPayloads.caldav(provider, address, ids).ifPresent(content::add);
        DavPayloads.carddav(provider, address, ids).ifPresent(content::add);

        String who = address.map(EmailAddress::toString).orElse(domain.unicode());
        Payload profile = new Payload()
                .string("PayloadType", "Configuration")
                .integer("PayloadVersion", 1)
                .string("PayloadIdentifier", ids.profileIdentifier())
                .string("PayloadUUID", ids.uuid("profile"))
                .string("PayloadDisplayName", provider.name() + " – " + who)
                // Devices show one description whatever their language; the providers are Italian.
                .string("PayloadDescription", "Configura la posta di " + who + " (" + provider.name() + "). "
                        + "Sets up mail for " + who + " (" + provider.name() + ").")
                .string("PayloadOrganization", provider.name())
                .array("PayloadContent", content);
        return profile.toDictionary().toXMLPropertyList().getBytes(StandardCharsets.UTF_8);
    }

    /** A download name for the profile: ASCII letters, digits, '.', '-' and '_' only. */
    public static String fileName(Provider provider, Optional<EmailAddress> address) {
        StringBuilder name = new StringBuilder(provider.id());
        address.ifPresent(a -> name.append('-').append(a.localPart()));
        StringBuilder safe = new StringBuilder(name.length());
        name.codePoints().forEach(c -> safe.append((c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-')) ? (char) c : '_'));
        String base = safe.length() > 80 ? safe.substring(0, 80) : safe.toString();
        return base + ".mobileconfig";
    }

    private static Optional<Payload> mail(Provider provider, DomainName domain, Optional<EmailAddress> address, PayloadIds ids) {
        Optional<IncomingServer> incoming = provider.incoming().stream().filter(s -> AppleAuthentication.of(s).isPresent()).findFirst();
        Optional<OutgoingServer> outgoing = provider.outgoing().stream().filter(s -> AppleAuthentication.of(s).isPresent()).findFirst();
        if (incoming.isEmpty() || outgoing.isEmpty()) {
            return Optional.empty();
        }
        IncomingServer in = incoming.get();
        OutgoingServer out = outgoing.get();
        boolean imap = in.protocol() == IncomingProtocol.IMAP;
        Payload mail = Payload.common("com.apple.mail.managed", ids.identifier("mail"), ids.uuid("mail"),
                        provider.shortName() + (imap ? " (IMAP)" : " (POP)"))
                .string("EmailAccountDescription", provider.shortName())
                .string("EmailAccountType", imap ? "EmailTypeIMAP" : "EmailTypePOP");
        address.ifPresent(a -> mail.string("EmailAddress", a.toString()));
        server(mail, "Incoming", in, domain, address);
        server(mail, "Outgoing", out, domain, address);
        Optional<String> inLogin = login(in.login(), address);
        boolean sameLogin = inLogin.isPresent() && inLogin.equals(login(out.login(), address));
        mail.bool("OutgoingPasswordSameAsIncomingPassword", sameLogin);
        return Optional.of(mail);
    }

    private static void server(Payload mail, String direction, Server s, DomainName domain, Optional<EmailAddress> address) {
        String prefix = direction + "MailServer";
        mail.string(prefix + "HostName", s.hostname().replace(LoginTemplate.EMAILDOMAIN, domain.ascii()))
                .integer(prefix + "PortNumber", s.port())
                // Apple has no STARTTLS switch: "UseSSL" means TLS, and Mail picks STARTTLS or TLS by port.
                .bool(prefix + "UseSSL", s.security() != Security.NONE)
                .string(prefix + "Authentication", AppleAuthentication.of(s).orElseThrow());
        login(s.login(), address).ifPresent(l -> mail.string(prefix + "Username", l));
    }

    private static Payload activeSync(Provider provider, ActiveSync eas, Optional<EmailAddress> address, PayloadIds ids) {
        Payload p = Payload.common("com.apple.eas.account", ids.identifier("eas"), ids.uuid("eas"),
                        provider.shortName() + " Exchange ActiveSync")
                // Apple wants the host name here, not the URL.
                .string("Host", eas.host())
                .bool("SSL", "https".equalsIgnoreCase(eas.url().getScheme()));
        address.ifPresent(a -> p.string("EmailAddress", a.toString()));
        login(eas.login(), address).ifPresent(l -> p.string("UserName", l));
        return p;
    }

    private static Payload rootCertificate(Provider provider, X509Certificate certificate, PayloadIds ids) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the CA certificate of " + provider.id() + " cannot be encoded", e);
        }
        return Payload.common("com.apple.security.root", ids.identifier("ca"), ids.uuid("ca"), provider.shortName() + " CA")
                .string("PayloadCertificateFileName", provider.id() + "-ca.cer")
                .data("PayloadContent", der);
    }

    /** The login name for this address; none where the user has to type it, or where a template needs an address that is not there. */
    static Optional<String> login(LoginTemplate template, Optional<EmailAddress> address) {
        if (template instanceof LoginTemplate.Derived d) {
            return address.map(d::loginFor).orElseGet(() -> d.isLiteral() ? Optional.of(d.template()) : Optional.empty());
        }
        return Optional.empty();
    }
}
