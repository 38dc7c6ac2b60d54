package org.mailautoconf.testing;

import java.nio.file.Path;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * A provider with every service beside mail (JMAP, CalDAV, CardDAV, WebDAV, ManageSieve) and
 * OAuth2 with a public client ID, on implicit TLS at the default ports with the address as login:
 * what every newer format can express. None of the shipped providers has these services.
 */
public final class DavProvider {

    public static final String DOMAIN = "dav.example";

    public static final String YAML = """
            id: davmail
            name: Dav Mail
            shortName: DavMail
            domains: [dav.example]
            incoming:
              - type: imap
                hostname: imap.dav.example
                port: 993
                security: tls
                authentication: [OAuth2, password-cleartext]
            outgoing:
              - type: smtp
                hostname: smtp.dav.example
                port: 465
                security: tls
                authentication: [OAuth2, password-cleartext]
            oauth2:
              issuer: https://login.dav.example
              scope: openid email offline_access
              authUrl: https://login.dav.example/authorize
              tokenUrl: https://login.dav.example/token
              clientId: mail-clients
            jmap:
              url: https://jmap.dav.example/.well-known/jmap
              authentication: [http:Basic, OAuth2]
            caldav:
              url: https://dav.dav.example/calendars/
            carddav:
              url: https://dav.dav.example/contacts/
              authentication: [http:Basic]
            webdav:
              url: https://dav.dav.example/files/
            manageSieve:
              hostname: sieve.dav.example
              authentication: [sasl:SCRAM-SHA-256, password-cleartext]
            """;

    /** A provider whose IMAP server lists a SASL mechanism before password-cleartext. */
    public static final String SASL_FIRST = """
            id: sasl
            name: Sasl Mail
            domains: [sasl.example]
            incoming:
              - {type: imap, hostname: imap.sasl.example, port: 993, security: tls,
                 authentication: [sasl:SCRAM-SHA-256, password-cleartext]}
            outgoing:
              - {hostname: smtp.sasl.example, port: 465, security: tls}
            """;

    private DavProvider() {
    }

    /** The shipped providers and this one, in {@code dir}. */
    public static Registry withShipped(Path dir) {
        Registries.copyShipped(dir);
        Registries.write(dir, "davmail.yaml", YAML);
        return Registries.load(dir);
    }

    public static Provider provider(Registry registry) {
        return registry.provider("davmail").orElseThrow();
    }
}
