package org.mailautoconf.dns;

import java.net.InetAddress;
import java.util.List;

/**
 * Where clients reach the service: its public host name (the name its certificate covers, the
 * host of {@code serve --public-url}), and, when the admin gives them, its addresses; with
 * addresses the plan publishes A/AAAA records instead of CNAMEs.
 */
public record PublicHost(String name, List<InetAddress> addresses) {

    public PublicHost {
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        name = name.toLowerCase(java.util.Locale.ROOT);
        addresses = List.copyOf(addresses);
    }
}
