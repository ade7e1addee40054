package io.tsfm.streams.bench;

import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.CallGuards;
import io.tsfm.streams.model.TollamaClient;
import io.tsfm.streams.model.TollamaSettings;
import io.tsfm.streams.stream.TsfmTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * One Kafka Streams app under measurement: the full tsfm topology (wired like {@code TsfmApp}, minus the
 * ops server, with an {@link EmitDelayRegistry}) or a pass-through topology copying the same bytes.
 */
final class AppUnderTest implements AutoCloseable {
    final String applicationId;
    final Path stateDir;
    final KafkaStreams streams;
    final EmitDelayRegistry registry;
    final TsfmMetrics metrics;
    private final TollamaClient client;
    private final boolean deleteStateOnClose;

    private AppUnderTest(
            final String applicationId,
            final Path stateDir,
            final KafkaStreams streams,
            final EmitDelayRegistry registry,
            final TsfmMetrics metrics,
            final TollamaClient client,
            final boolean deleteStateOnClose) {
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.streams = streams;
        this.registry = registry;
        this.metrics = metrics;
        this.client = client;
        this.deleteStateOnClose = deleteStateOnClose;
    }

    /** Settings every tsfm app of the benchmark shares; callers add the scenario's own. */
    static Map<String, String> baseSettings(
            final BenchEnvironment env,
            final String appId,
            final Path stateDir,
            final String guarantee,
            final String ticksTopic) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", env.bootstrap());
        s.put("application.id", appId);
        s.put("processing.guarantee", guarantee);
        s.put("tollama.url", env.forecasterUrl());
        s.put("tollama.model", "mock");
        s.put("topic.ticks", ticksTopic);
        s.put("topic.forecasts", appId + "-forecasts");
        s.put("topic.fallbacks", appId + "-fallbacks");
        s.put("topic.dlq", appId + "-dlq");
        s.put("topics.create.missing", "true");
        s.put("topics.partitions", Integer.toString(BenchEnvironment.PARTITIONS));
        s.put("topics.created.retention.ms", "-1");
        s.put("state.dir", stateDir.toString());
        s.put("commit.interval.ms", "100");
        s.put("ops.port", "0");
        s.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                FirstConsumed.class.getName());
        s.putAll(env.appSettings());
        return s;
    }

    static AppUnderTest tsfm(final Map<String, String> settings) {
        return tsfm(settings, true);
    }

    /** @param deleteStateOnClose false when another app with the same id and state dir takes over after this one */
    static AppUnderTest tsfm(final Map<String, String> settings, final boolean deleteStateOnClose) {
        final AppConfig config = AppConfig.of(settings);
        TopicSetup.ensure(config);
        final EmitDelayRegistry registry = new EmitDelayRegistry();
        final TsfmMetrics metrics = new TsfmMetrics(registry);
        final TollamaClient client = new TollamaClient(
                TollamaSettings.from(config),
                metrics.model(),
                TollamaClient.ROLE_CURRENT,
                new CallGuards(metrics.registry()));
        final Topology topology = TsfmTopology.build(config, client, metrics);
        final KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        return new AppUnderTest(
                settings.get("application.id"),
                Path.of(settings.get("state.dir")),
                streams,
                registry,
                metrics,
                client,
                deleteStateOnClose);
    }

    /**
     * Source to sink of the same bytes, same guarantee, stream threads and commit interval as the tsfm app,
     * and the same Kafka Streams properties of {@code --set}.
     */
    static AppUnderTest passThrough(
            final BenchEnvironment env,
            final String appId,
            final Path stateDir,
            final String guarantee,
            final int threads,
            final String ticksTopic,
            final String outTopic) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(ticksTopic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(outTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, env.bootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        p.putAll(env.streamsOverrides());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                FirstConsumed.class.getName());
        return new AppUnderTest(appId, stateDir, new KafkaStreams(builder.build(), p), null, null, null, true);
    }

    AppUnderTest start() {
        FirstConsumed.reset();
        streams.start();
        return this;
    }

    boolean failed() {
        final KafkaStreams.State s = streams.state();
        return s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR;
    }

    @Override
    public void close() {
        // leave the group, so that an app taking over the same id (the cycle build-up's second phase) gets
        // the partitions at once rather than after the session timeout
        streams.close(org.apache.kafka.streams.CloseOptions.groupMembershipOperation(
                        org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        if (client != null) {
            client.close();
        }
        if (deleteStateOnClose) {
            BenchFiles.deleteQuietly(stateDir);
        }
    }
}
