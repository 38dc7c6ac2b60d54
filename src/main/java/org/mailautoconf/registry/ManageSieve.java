package org.mailautoconf.registry;

import java.util.List;

/** A ManageSieve server (RFC 5804) for mail filters: host, port, TLS mode, SASL mechanisms. */
public record ManageSieve(String hostname, int port, Security security, List<Authentication> authentication, LoginTemplate login) {

    /** RFC 5804's port; ManageSieve uses STARTTLS on it. */
    public static final int DEFAULT_PORT = 4190;

    public ManageSieve {
        authentication = List.copyOf(authentication);
    }
}
