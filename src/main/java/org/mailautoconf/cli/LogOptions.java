package org.mailautoconf.cli;

import java.util.Locale;
import org.mailautoconf.LogSettings;
import picocli.CommandLine.Option;

/** How {@code serve} logs: plain or JSON lines, the level, and how much of a client's address the access log keeps. */
final class LogOptions {

    @Option(names = "--log-format", paramLabel = "plain|json", defaultValue = "${env:MAILAUTOCONF_LOG_FORMAT:-plain}",
            description = "plain: one readable line per event; json: one JSON object per line (env MAILAUTOCONF_LOG_FORMAT; default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "${env:MAILAUTOCONF_LOG_LEVEL:-info}",
            description = "error, warn, info, debug or trace (env MAILAUTOCONF_LOG_LEVEL; default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--access-log-client", paramLabel = "full|truncated|none",
            defaultValue = "${env:MAILAUTOCONF_ACCESS_LOG_CLIENT:-truncated}",
            description = "The client address in the access log: whole, truncated to its IPv4 /24 or IPv6 /48, or left out "
                    + "(env MAILAUTOCONF_ACCESS_LOG_CLIENT; default: ${DEFAULT-VALUE}).")
    String accessLogClient;

    /**
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    LogSettings settings() {
        return new LogSettings(choice("--log-format", format, LogSettings.Format.class),
                choice("--log-level", level, LogSettings.Level.class),
                choice("--access-log-client", accessLogClient, LogSettings.ClientAddress.class));
    }

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(option + " must be one of " + names + ", was '" + value + "'");
    }
}
