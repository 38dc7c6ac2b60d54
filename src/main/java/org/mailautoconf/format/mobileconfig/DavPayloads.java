package org.mailautoconf.format.mobileconfig;

import java.util.Optional;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.UrlService;

/**
 * Calendar and contacts accounts ({@code com.apple.caldav.account}, {@code com.apple.carddav.account})
 * for a provider with CalDAV or CardDAV, keyed and typed as Apple's device-management schema
 * says: host name, port (integer), the URL as principal URL, SSL (boolean), the user name.
 * Only where the service takes a password over HTTP: a profile cannot set up OAuth2 for them.
 */
final class DavPayloads {

    private DavPayloads() {
    }

    static Optional<Payload> caldav(Provider provider, Optional<EmailAddress> address, PayloadIds ids) {
        return provider.services().caldav().filter(DavPayloads::password)
                .map(s -> payload("com.apple.caldav.account", "CalDAV", "caldav", provider.shortName() + " Calendar", s, provider, address, ids));
    }

    static Optional<Payload> carddav(Provider provider, Optional<EmailAddress> address, PayloadIds ids) {
        return provider.services().carddav().filter(DavPayloads::password)
                .map(s -> payload("com.apple.carddav.account", "CardDAV", "carddav", provider.shortName() + " Contacts", s, provider, address, ids));
    }

    private static Payload payload(String type, String prefix, String kind, String description, UrlService s, Provider provider,
                                   Optional<EmailAddress> address, PayloadIds ids) {
        int port = s.url().getPort() == -1 ? 443 : s.url().getPort();
        Payload p = Payload.common(type, ids.identifier(kind), ids.uuid(kind), description)
                .string(prefix + "AccountDescription", description)
                .string(prefix + "HostName", s.url().getHost())
                .integer(prefix + "Port", port)
                .string(prefix + "PrincipalURL", s.url().toASCIIString())
                .bool(prefix + "UseSSL", true);
        MobileconfigRenderer.login(s.login(), address).ifPresent(l -> p.string(prefix + "Username", l));
        return p;
    }

    private static boolean password(UrlService s) {
        return s.authentication().stream().anyMatch(a -> a instanceof Authentication.Http);
    }
}
