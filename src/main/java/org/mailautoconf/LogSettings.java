package org.mailautoconf;

import java.util.Objects;

/**
 * How the service logs.
 *
 * @param format          plain lines for people, or one JSON object a line for a log collector
 * @param level           the least severe level written
 * @param accessLogClient how much of the client's address the access log shows
 */
public record LogSettings(Format format, Level level, ClientAddress accessLogClient) {

    /** {@code --log-format}. */
    public enum Format { PLAIN, JSON }

    /** {@code --log-level}, most severe first. */
    public enum Level { ERROR, WARN, INFO, DEBUG, TRACE }

    /**
     * {@code --access-log-client}: the whole address, the network it is in (IPv4 /24, IPv6 /48:
     * enough to tell a scanner's network, not a person), or nothing.
     */
    public enum ClientAddress { FULL, TRUNCATED, NONE }

    public LogSettings {
        Objects.requireNonNull(format, "--log-format must be set");
        Objects.requireNonNull(level, "--log-level must be set");
        Objects.requireNonNull(accessLogClient, "--access-log-client must be set");
    }

    /** Plain lines at INFO; the access log, when on, shows the client's network, not its address. */
    public static LogSettings defaults() {
        return new LogSettings(Format.PLAIN, Level.INFO, ClientAddress.TRUNCATED);
    }
}
