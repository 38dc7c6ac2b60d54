package org.mailautoconf.testing;

/** A hoster's provider file naming a domain list, and lists of customer domains, for the tests of {@code domainList:}. */
public final class DomainLists {

    /** The provider {@code hoster}, its domains in {@code customers.txt}, its IMAP server named after each. */
    public static final String HOSTER = """
            id: hoster
            name: Hoster
            domainList: customers.txt
            incoming:
              - {type: imap, hostname: imap.%EMAILDOMAIN%, port: 993, security: tls}
            outgoing:
              - {type: smtp, hostname: smtp.hoster.example, port: 465, security: tls}
            """;

    private DomainLists() {
    }

    /** A comment line, then {@code count} customer domains, shop0.example up, then the extra lines. */
    public static String list(int count, String... extra) {
        StringBuilder b = new StringBuilder("# customers\n");
        for (int i = 0; i < count; i++) {
            b.append("shop").append(i).append(".example\n");
        }
        for (String line : extra) {
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
