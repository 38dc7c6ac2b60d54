package org.mailautoconf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.mailautoconf.LogSettings;
import org.slf4j.LoggerFactory;

/**
 * Sets up logback, the logging backend, in code rather than from a logback.xml (nothing to
 * parse at start, nothing an image can override by accident). Logback finds this class through
 * its service-loader hook and gives every command plain lines at INFO on standard error;
 * {@code serve} then applies the operator's {@link LogSettings} before anything else logs.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogBackend extends ContextAwareBase implements Configurator {

    /** An ISO time with its offset, the level, the logger's last name, the message: as the service always logged. */
    static final String PLAIN_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %level %logger{0} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, LogSettings.defaults());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Replaces whatever logging was set up by {@code settings}. */
    static void apply(LogSettings settings) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), settings);
    }

    private static void configure(LoggerContext context, LogSettings settings) {
        context.reset();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        // Standard error, looked up at each write: container runtimes and systemd collect it.
        console.setTarget("System.err");
        console.setEncoder(encoder(context, settings.format()));
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(settings.level().name()));
        root.addAppender(console);
        // Vert.x and Netty tell of each connection and buffer at DEBUG and INFO; their warnings matter.
        Level libraries = settings.level().compareTo(LogSettings.Level.WARN) < 0 ? Level.ERROR : Level.WARN;
        context.getLogger("io.netty").setLevel(libraries);
        context.getLogger("io.vertx").setLevel(libraries);
    }

    /**
     * The encoder of one format, started. JSON: logback's own encoder, one object a line, with
     * {@code timestamp} (epoch milliseconds), {@code level}, {@code loggerName}, the structured
     * fields of a line in {@code kvpList}, the line as text in {@code formattedMessage}, and a
     * {@code throwable} when there is one. docs/operations.md lists them.
     */
    public static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings.Format format) {
        Encoder<ILoggingEvent> encoder;
        if (format == LogSettings.Format.JSON) {
            JsonEncoder json = new JsonEncoder();
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithThreadName(false);
            json.setWithContext(false);
            json.setWithMDC(false);
            json.setWithMarkers(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            encoder = json;
        } else {
            PatternLayoutEncoder plain = new PatternLayoutEncoder();
            plain.setPattern(PLAIN_PATTERN);
            encoder = plain;
        }
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}
