package org.mailautoconf.registry;

import java.util.List;

/**
 * An SMTP submission server. {@code addThisServer} and {@code useGlobalPreferredServer} are
 * config-v1.1's hints; the latter defaults to false so Thunderbird does not send through
 * another account's server.
 */
public record OutgoingServer(
        String hostname,
        int port,
        Security security,
        List<Authentication> authentication,
        LoginTemplate login,
        boolean addThisServer,
        boolean useGlobalPreferredServer) implements Server {

    public OutgoingServer {
        authentication = List.copyOf(authentication);
    }

    @Override
    public String type() {
        return "smtp";
    }
}
