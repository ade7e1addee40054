package io.tsfm.streams.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with Kafka unreachable: one line saying what it waits for, one clear message, exit 3. */
class KafkaUnreachableTest {

    @Test
    void runSaysWhatItWaitsForThenExitsThreeWithoutTheClientsReconnectWarnings(@TempDir final Path dir)
            throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        final Path config = Files.writeString(
                dir.resolve("app.properties"),
                String.join(
                        "\n",
                        "bootstrap.servers=127.0.0.1:" + closedPort,
                        "tollama.url=http://127.0.0.1:" + closedPort,
                        "default.api.timeout.ms=3000",
                        ""));
        final Capture warnings = Capture.attach();
        final StringWriter err = new StringWriter();
        final int exit;
        try {
            exit = ServiceMain.commandLine()
                    .setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(err))
                    .execute("run", "--config", config.toString());
        } finally {
            warnings.detach();
        }
        assertThat(exit).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.toString().lines())
                .containsExactly(
                        "waiting for Kafka at 127.0.0.1:" + closedPort + " (up to 3 s, default.api.timeout.ms)",
                        "Start-up error: cannot reach Kafka at 127.0.0.1:" + closedPort
                                + " (bootstrap.servers): Timed out waiting for a node assignment. Call: listTopics");
        assertThat(warnings.from(LogRouting.KAFKA_NETWORK_CLIENT)).isEmpty();
        assertThat(LogManager.getLogger(LogRouting.KAFKA_NETWORK_CLIENT).getLevel())
                .isEqualTo(Level.WARN);
    }

    /** Collects every WARN or worse log event while attached. */
    private static final class Capture extends AbstractAppender {
        private final List<LogEvent> events = new CopyOnWriteArrayList<>();

        private Capture() {
            super("capture", null, null, true, Property.EMPTY_ARRAY);
        }

        static Capture attach() {
            final Capture capture = new Capture();
            capture.start();
            final LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.getConfiguration().getRootLogger().addAppender(capture, Level.WARN, null);
            context.updateLoggers();
            return capture;
        }

        void detach() {
            final LoggerContext context = (LoggerContext) LogManager.getContext(false);
            context.getConfiguration().getRootLogger().removeAppender(getName());
            context.updateLoggers();
            stop();
        }

        List<String> from(final String logger) {
            return events.stream()
                    .filter(e -> e.getLoggerName().equals(logger))
                    .map(e -> e.getMessage().getFormattedMessage())
                    .toList();
        }

        @Override
        public void append(final LogEvent event) {
            events.add(event.toImmutable());
        }
    }
}
