package io.tsfm.streams.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) inside this JVM, bound to
 * 127.0.0.1 only: the demo and the integration tests run against it without Docker or a separate
 * process. It can be stopped and restarted on the same ports with the same data, to test broker
 * restarts.
 *
 * <p>Record timestamps are judged against this machine's clock: records more than 1 h in the future
 * are refused and records older than the retention (7 days by default) are deleted, so write recent
 * event time or create topics with a suitable {@code retention.ms}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Default partition count of auto-created topics and of {@link Builder#partitions}. */
    public static final int DEFAULT_PARTITIONS = 1;

    private final Path dataDir;
    private final boolean temporary;
    private final int brokerPort;
    private final int controllerPort;
    private final Properties config;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(
            final Path dataDir,
            final boolean temporary,
            final int brokerPort,
            final int controllerPort,
            final Properties config) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.config = config;
    }

    /** Starts a broker on free ports that keeps its data in {@code dataDir} (kept on close). */
    public static EmbeddedKafkaBroker start(final Path dataDir) {
        return builder().dataDir(dataDir).start();
    }

    /** Starts a broker on free ports with a temporary data dir that {@link #close()} deletes. */
    public static EmbeddedKafkaBroker startTemporary() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bootstrap string for clients, {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return BrokerProperties.HOST + ":" + brokerPort;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and waits until it has stopped; the data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        final KafkaRaftServer running = server;
        server = null;
        running.shutdown();
        running.awaitShutdown();
    }

    /** Starts the broker again (stopping it first if it runs) on the same ports with the same data. */
    public synchronized void restart() {
        ensureOpen();
        stop();
        launch();
    }

    /** Creates topics with default configs and waits until every partition has a leader. */
    public void createTopics(final int partitions, final String... names) {
        createTopics(partitions, Map.of(), names);
    }

    /**
     * Creates topics with the given topic configs (e.g. {@code retention.ms=-1}) and waits until every
     * partition has a leader. Topics that already exist are left unchanged.
     */
    public void createTopics(final int partitions, final Map<String, String> topicConfigs, final String... names) {
        ensureOpen();
        TopicCreator.create(bootstrapServers(), partitions, topicConfigs, names);
    }

    /** Stops the broker and, when it created its data dir itself, deletes it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            if (temporary) {
                deleteDataDir();
            }
        }
    }

    private synchronized void launch() {
        final Path logDir = logDir(dataDir);
        LogDirFormatter.formatIfNeeded(logDir, config, dataDir.resolve("server.properties"));
        final KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            starting.startup();
        } catch (final RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw new IllegalStateException("embedded broker on " + bootstrapServers() + " failed to start", e);
        }
        server = starting;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("embedded broker is closed");
        }
    }

    private void deleteDataDir() {
        try {
            Utils.delete(dataDir.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }

    private static Path logDir(final Path dataDir) {
        return dataDir.resolve("kraft-logs");
    }

    /** Options of an embedded broker; every one has a default. */
    public static final class Builder {

        private Path dataDir;
        private int partitions = DEFAULT_PARTITIONS;
        private int brokerPort;
        private int controllerPort;
        private boolean autoCreateTopics;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {}

        /** Where the broker keeps its log dir; kept on close. Default: a temporary dir deleted on close. */
        public Builder dataDir(final Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** {@code num.partitions}: the partition count of auto-created topics. */
        public Builder partitions(final int count) {
            if (count < 1) {
                throw new IllegalArgumentException("partitions must be at least 1: " + count);
            }
            this.partitions = count;
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder brokerPort(final int port) {
            this.brokerPort = checkPort(port);
            return this;
        }

        /** The controller port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder controllerPort(final int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** {@code auto.create.topics.enable}; off by default so a typo in a topic name fails loudly. */
        public Builder autoCreateTopics(final boolean enabled) {
            this.autoCreateTopics = enabled;
            return this;
        }

        /** Any other broker property; applied last, so it wins over the defaults. */
        public Builder property(final String name, final String value) {
            overrides.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Formats the data dir when needed, starts the broker and returns once it serves clients. */
        public EmbeddedKafkaBroker start() {
            final int[] free = brokerPort != 0 && controllerPort != 0 ? new int[2] : FreePorts.pick(2);
            final int bPort = brokerPort != 0 ? brokerPort : free[0];
            final int cPort = controllerPort != 0 ? controllerPort : free[1] != bPort ? free[1] : free[0];
            if (bPort == cPort) {
                throw new IllegalArgumentException("broker and controller ports must differ: " + bPort);
            }
            final boolean temporary = dataDir == null;
            final Path dir = temporary ? createTempDir() : createDir(dataDir);
            final Properties config =
                    BrokerProperties.of(bPort, cPort, logDir(dir), partitions, autoCreateTopics, overrides);
            final EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir, temporary, bPort, cPort, config);
            try {
                broker.launch();
            } catch (final RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        }

        private static int checkPort(final int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
            }
            return port;
        }

        private static Path createTempDir() {
            try {
                return Files.createTempDirectory("tsfm-kafka-");
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot create a temporary data dir", e);
            }
        }

        private static Path createDir(final Path dir) {
            try {
                return Files.createDirectories(dir);
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot create data dir " + dir, e);
            }
        }
    }
}
