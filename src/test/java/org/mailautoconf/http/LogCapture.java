package org.mailautoconf.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.mailautoconf.LogSettings;
import org.mailautoconf.cli.LogBackend;
import org.slf4j.LoggerFactory;

/**
 * Captures what the service logs while open, encoded as the service encodes it: an appender of
 * its own on logback's root logger, with the encoder {@code serve} uses for the format.
 * Everything the service logs goes through the root logger, so nothing escapes it.
 */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private final Logger root;

    public LogCapture() {
        this(LogSettings.Format.PLAIN);
    }

    LogCapture(LogSettings.Format format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.setName("capture-" + System.identityHashCode(this));
        appender.setEncoder(LogBackend.encoder(context, format));
        appender.setOutputStream(captured);
        appender.start();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
    }

    /** Everything logged so far, as written. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** The lines logged so far that contain {@code part}. */
    public List<String> lines(String part) {
        return text().lines().filter(l -> l.contains(part)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
