package org.mailautoconf.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Customers of a hoster whose mail servers are {@code *.mx.hoster.example}, in a zone that
 * BIND's {@code named} serves on loopback, one domain per case hoster mode defines; and a zone
 * that does not load, so that named answers SERVFAIL for it.
 */
public final class HosterZones {

    /** The provider file of the hoster: no domain listed, its mail servers in mx. */
    public static final String PROVIDER = """
            id: mxhoster
            name: MX Hoster Mail
            mx: ["*.mx.hoster.example", "mail.hoster.example"]
            incoming:
              - type: imap
                hostname: imap.%EMAILDOMAIN%
                port: 993
                security: tls
                authentication: password-cleartext
                login: "%EMAILADDRESS%"
            outgoing:
              - type: smtp
                hostname: smtp.hoster.example
                port: 465
                security: tls
                authentication: password-cleartext
                login: "%EMAILADDRESS%"
            """;

    private HosterZones() {
    }

    /** A provider directory with the hoster ({@link #PROVIDER}) and {@code SigningSetup.HOSTER}, meant as the default provider. */
    public static Path providers(Path dir) throws IOException {
        Path providers = Files.createDirectories(dir);
        Registries.write(providers, "mxhoster.yaml", PROVIDER);
        Registries.write(providers, "hoster.yaml", SigningSetup.HOSTER);
        return providers;
    }

    public static NamedServer start(Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("customers.test.zone"), """
                $TTL 300
                @ IN SOA ns.customers.test. admin.customers.test. 1 3600 600 86400 60
                @ IN NS ns.customers.test.
                ns IN A 127.0.0.1
                matched IN MX 10 mx1.mx.hoster.example.
                matched IN MX 20 backup.elsewhere.example.
                second IN MX 5 mail.elsewhere.example.
                second IN MX 10 mail.hoster.example.
                unmatched IN MX 10 mail.elsewhere.example.
                aliased IN CNAME matched.customers.test.
                mxalias IN MX 10 alias.customers.test.
                alias IN CNAME mx1.mx.hoster.example.
                nullmx IN MX 0 .
                nomx IN A 192.0.2.1
                shortttl 1 IN MX 10 mx2.mx.hoster.example.
                """);
        Path broken = Files.writeString(dir.resolve("broken.test.zone"), "this is not a zone file\n");
        Map<String, Path> zones = new LinkedHashMap<>();
        zones.put("customers.test", good);
        zones.put("broken.test", broken);
        return NamedServer.start(dir, zones);
    }
}
