package org.mailautoconf.registry;

import java.util.List;

/** What incoming and outgoing servers have in common. */
public sealed interface Server permits IncomingServer, OutgoingServer {

    /** The protocol's word in provider files and in config-v1.1 ({@code imap}, {@code smtp}). */
    String type();

    String hostname();

    int port();

    Security security();

    /** Accepted authentications, most preferred first. */
    List<Authentication> authentication();

    LoginTemplate login();

    /** True when the client must log in (anything but none, client-IP-address, smtp-after-pop). */
    default boolean requiresLogin() {
        return authentication().stream().anyMatch(a -> !(a instanceof Authentication.Method m)
                || (m.method() != AuthMethod.NONE && m.method() != AuthMethod.CLIENT_IP_ADDRESS
                        && m.method() != AuthMethod.SMTP_AFTER_POP));
    }
}
