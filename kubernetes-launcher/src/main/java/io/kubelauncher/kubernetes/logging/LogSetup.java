package io.kubelauncher.kubernetes.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.read.CyclicBufferAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Configures Logback in code (no XML to ship or to get wrong): one appender, to the rotated log
 * file or to stderr, never stdout (stdout carries the Launcher protocol), every line through the
 * {@link SecretRedactor}.
 *
 * <p>The plugin can open its log file only once it runs as server-user, after steps that log (the
 * token file check, the privilege drop). While logging goes to stderr the events are also kept (at
 * most {@link #REMEMBERED_EVENTS}), and the log file, once configured, starts with them.
 */
public final class LogSetup {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{30} - %msg%n";
    static final int REMEMBERED_EVENTS = 500;
    private static final String REMEMBERED = "remembered-until-the-log-file-opens";

    private LogSetup() {
    }

    /**
     * Replaces whatever configuration {@code context} had.
     *
     * @throws IOException when the logging directory cannot be created
     */
    public static void configure(LoggerContext context, LogSettings settings, SecretRedactor redactor)
            throws IOException {
        List<ILoggingEvent> earlier = remembered(context);
        context.reset();
        Appender<ILoggingEvent> appender = settings.toStderr()
                ? stderr(context, redactor)
                : file(context, settings, redactor);
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(settings.debug() ? Level.DEBUG : Level.INFO);
        root.addAppender(appender);
        if (settings.toStderr()) {
            CyclicBufferAppender<ILoggingEvent> memory = new CyclicBufferAppender<>();
            memory.setContext(context);
            memory.setName(REMEMBERED);
            memory.setMaxSize(REMEMBERED_EVENTS);
            memory.start();
            root.addAppender(memory);
        } else {
            earlier.forEach(appender::doAppend);
        }
        // Third-party chatter stays at INFO even in debug mode; the plugin's own debug lines matter.
        context.getLogger("io.fabric8").setLevel(settings.debug() ? Level.INFO : Level.WARN);
        context.getLogger("io.kubelauncher").setLevel(settings.debug() ? Level.DEBUG : Level.INFO);
    }

    /** The events logged to stderr since the last configuration, oldest first. */
    private static List<ILoggingEvent> remembered(LoggerContext context) {
        Appender<ILoggingEvent> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(REMEMBERED);
        if (!(appender instanceof CyclicBufferAppender<ILoggingEvent> memory)) {
            return List.of();
        }
        List<ILoggingEvent> events = new ArrayList<>(memory.getLength());
        for (int k = 0; k < memory.getLength(); k++) {
            events.add(memory.get(k));
        }
        return events;
    }

    private static Appender<ILoggingEvent> stderr(LoggerContext context, SecretRedactor redactor) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, redactor));
        appender.start();
        return appender;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, LogSettings settings, SecretRedactor redactor)
            throws IOException {
        Files.createDirectories(settings.loggingDir());
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(settings.logFile().toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        String base = settings.logFile().toString();
        rolling.setFileNamePattern(base.substring(0, base.length() - ".log".length()) + ".%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(settings.keptFiles());
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(settings.maxFileSizeBytes()));
        // Check the size on every event: the default gate checks once a minute at most.
        trigger.setCheckIncrement(Duration.buildByMilliseconds(0));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, redactor));
        appender.start();
        if (!appender.isStarted()) {
            throw new IOException("cannot open the log file " + settings.logFile());
        }
        return appender;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, SecretRedactor redactor) {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(PATTERN);
        pattern.start();
        RedactingLayout layout = new RedactingLayout(pattern, redactor);
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
