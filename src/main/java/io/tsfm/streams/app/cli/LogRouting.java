package io.tsfm.streams.app.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Where the CLI's log lines go when a newcomer is watching: a start-up wait for Kafka hides the client's
 * reconnect WARNs behind one line of its own (the demo's log file is the tools' {@code DemoLogFile}). Only the
 * CLI touches the backend (Log4j 2); the service logs through SLF4J alone.
 */
public final class LogRouting {
    /** The Kafka client logger that warns on every failed reconnect attempt. */
    public static final String KAFKA_NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private LogRouting() {}

    /** Raises one logger's level until closed, e.g. for a bounded wait whose failure is reported anyway. */
    public static Restore raise(final String logger, final Level level) {
        final Level before = LogManager.getLogger(logger).getLevel();
        Configurator.setLevel(logger, level);
        return () -> Configurator.setLevel(logger, before);
    }

    /** Puts the logging back as it was. */
    public interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
