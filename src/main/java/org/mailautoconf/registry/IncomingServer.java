package org.mailautoconf.registry;

import java.util.List;
import java.util.Optional;

public record IncomingServer(
        IncomingProtocol protocol,
        String hostname,
        int port,
        Security security,
        List<Authentication> authentication,
        LoginTemplate login,
        Optional<Pop3Options> pop3) implements Server {

    public IncomingServer {
        authentication = List.copyOf(authentication);
    }

    @Override
    public String type() {
        return protocol.key();
    }
}
