package io.tsfm.streams.bench;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every scenario runs against: the embedded broker (or an external cluster), the local
 * forecaster with the benchmark's latency profile, a scratch directory and an admin client.
 */
final class BenchEnvironment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BenchEnvironment.class);
    static final int PARTITIONS = 3;
    private static final AtomicLong SEQ = new AtomicLong();

    private final Path workDir;
    private final EmbeddedKafkaBroker broker;
    private final String bootstrap;
    private final LocalForecaster forecaster;
    private final Admin admin;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final Map<String, String> appSettings;

    /**
     * @param appSettings app settings ({@code --set}) laid over every tsfm app's; the Kafka Streams and client
     *                    properties among them also over the pass-through's, so both topologies of a comparison
     *                    run with the same threads, commit interval and client settings
     */
    BenchEnvironment(
            final String bootstrapServers,
            final FaultProfile fault,
            final Map<String, String> appSettings,
            final PrintStream out) {
        this.appSettings = Map.copyOf(appSettings);
        try {
            this.workDir = Files.createTempDirectory("tsfm-bench-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bootstrapServers == null) {
            broker = EmbeddedKafkaBroker.builder()
                    .dataDir(workDir.resolve("kafka"))
                    .partitions(PARTITIONS)
                    .start();
            bootstrap = broker.bootstrapServers();
            out.println("bench: embedded Kafka broker (KRaft) at " + bootstrap);
        } else {
            broker = null;
            bootstrap = bootstrapServers;
            out.println("bench: using Kafka at " + bootstrap);
        }
        forecaster = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .faultProfile(fault)
                .workerThreads(32)
                .build());
        out.println("bench: local forecaster at " + forecaster.url() + " latency_ms=" + fault.latencyMs()
                + " latency_per_series_ms=" + fault.latencyPerSeriesMs());
        final Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(p);
    }

    Map<String, String> appSettings() {
        return appSettings;
    }

    /** The Kafka Streams and client properties of {@code --set}: what the pass-through takes from it. */
    Map<String, Object> streamsOverrides() {
        return AppConfig.of(appSettings).kafkaProperties();
    }

    String bootstrap() {
        return bootstrap;
    }

    String forecasterUrl() {
        return forecaster.url();
    }

    boolean embedded() {
        return broker != null;
    }

    /** A name unique to this benchmark process: topics and application ids never collide across runs. */
    String unique(final String prefix) {
        return "bench-" + runId + "-" + prefix + "-" + SEQ.incrementAndGet();
    }

    Path newDir(final String name) {
        try {
            return Files.createDirectories(workDir.resolve(name));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void createTopic(final String name) {
        createTopic(name, PARTITIONS);
    }

    void createTopic(final String name, final int partitions) {
        final Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", "-1");
        get(() -> admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                .all()
                .get());
        // produce only once every partition has a leader: early NOT_LEADER retries upset the producer's sequences
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            final var description = get(() ->
                            admin.describeTopics(List.of(name)).allTopicNames().get())
                    .get(name);
            if (description.partitions().size() == partitions
                    && description.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("topic " + name + " has no leader for every partition after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Deletes a topic the run no longer needs; a failure only leaves it on the broker's disk. */
    void deleteTopic(final String name) {
        try {
            admin.deleteTopics(List.of(name)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final Exception e) {
            LOG.warn("could not delete topic {}: {}", name, e.toString());
        }
    }

    private final AtomicLong sendFailures = new AtomicLong();
    private volatile Exception lastSendFailure;

    /** Sends with a callback that counts failures; {@link #checkSent()} after flush throws if any send failed. */
    @SuppressWarnings("FutureReturnValueIgnored") // the callback sees every failure
    void send(final KafkaProducer<byte[], byte[]> producer, final ProducerRecord<byte[], byte[]> record) {
        producer.send(record, (meta, e) -> {
            if (e != null) {
                sendFailures.incrementAndGet();
                lastSendFailure = e;
            }
        });
    }

    void checkSent() {
        if (sendFailures.get() > 0) {
            throw new IllegalStateException(sendFailures.get() + " ticks could not be produced", lastSendFailure);
        }
    }

    long endOffsetSum(final String topic) {
        final Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            spec.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return get(() -> admin.listOffsets(spec).all().get()).values().stream()
                .mapToLong(i -> i.offset())
                .sum();
    }

    long committedSum(final String group, final String topic) {
        final Map<TopicPartition, OffsetAndMetadata> offsets = get(() -> admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get());
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /**
     * Polls the group's committed offsets until they reach {@code end} in total.
     *
     * @return the wall time (epoch ms) at which they were first seen there
     */
    long awaitCommitted(
            final String group,
            final String topic,
            final long end,
            final long timeoutMs,
            final java.util.function.BooleanSupplier failed)
            throws InterruptedException {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            if (committedSum(group, topic) >= end) {
                return System.currentTimeMillis();
            }
            if (failed.getAsBoolean()) {
                throw new IllegalStateException("the app under test failed (state ERROR)");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("group " + group + " did not commit " + end + " offsets of " + topic
                        + " within " + timeoutMs + " ms (committed " + committedSum(group, topic) + ")");
            }
            Thread.sleep(20);
        }
    }

    KafkaProducer<byte[], byte[]> producer() {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // plain producer, one request in flight per partition: order kept on retries without idempotent sequences
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    interface Call<T> {
        T call() throws InterruptedException, ExecutionException, TimeoutException;
    }

    static <T> T get(final Call<T> call) {
        try {
            return call.call();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
        forecaster.close();
        if (broker != null) {
            broker.close();
        }
        BenchFiles.deleteQuietly(workDir);
    }
}
