package org.mailautoconf;

import java.util.Objects;

/**
 * An address and a port to listen on or connect to, written {@code HOST:PORT}, with an IPv6
 * literal in brackets ({@code [::1]:9090}).
 */
public record HostPort(String host, int port) {

    public HostPort {
        Objects.requireNonNull(host, "host must be set");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 picks a free one), was " + port);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong, e.g. "127.0.0.1:99999: port must be 0..65535"
     */
    public static HostPort parse(String text) {
        Objects.requireNonNull(text, "address must be set");
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(text + ": expected ADDRESS:PORT, e.g. 127.0.0.1:9090 or [::1]:9090");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException(text + ": write an IPv6 address in brackets, e.g. [::1]:9090");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text + ": the port must be a number");
        }
        try {
            return new HostPort(host, port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
