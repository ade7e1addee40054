package io.tsfm.streams.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Where the CLI's log lines go when a newcomer is watching: the demo sends library lines to a file it
 * names, and a start-up wait for Kafka hides the client's reconnect WARNs behind one line of its own.
 * Only the CLI touches the backend (Log4j 2); the service logs through SLF4J alone.
 */
final class LogRouting {
    /** The Kafka client logger that warns on every failed reconnect attempt. */
    static final String KAFKA_NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private LogRouting() {
    }

    /**
     * Every log line goes to {@code file}; the console shows only the application's own WARN and ERROR
     * lines (the demo's output is printed, not logged). Configured by {@code log4j2-demo.properties}.
     */
    static Restore toFile(final Path file) {
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        final URI before = context.getConfigLocation();
        System.setProperty("tsfm.log.file", file.toAbsolutePath().toString());
        try {
            Configurator.reconfigure(LogRouting.class.getResource("/log4j2-demo.properties").toURI());
        } catch (final URISyntaxException e) {
            throw new IllegalStateException("log4j2-demo.properties cannot be read from the jar", e);
        }
        return () -> Configurator.reconfigure(before);
    }

    /** Raises one logger's level until closed, e.g. for a bounded wait whose failure is reported anyway. */
    static Restore raise(final String logger, final Level level) {
        final Level before = LogManager.getLogger(logger).getLevel();
        Configurator.setLevel(logger, level);
        return () -> Configurator.setLevel(logger, before);
    }

    /** Puts the logging back as it was. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
