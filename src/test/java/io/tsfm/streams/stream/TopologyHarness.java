package io.tsfm.streams.stream;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The real topology in a TopologyTestDriver with a scripted model, plus helpers to write ticks as JSON. */
public final class TopologyHarness implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    public final TopologyTestDriver driver;
    public final StubModelClient model;
    public final AppConfig config;
    public final io.tsfm.streams.metrics.TsfmMetrics metrics = io.tsfm.streams.metrics.TsfmMetrics.inMemory();
    private final TestInputTopic<byte[], byte[]> ticks;
    public final TestOutputTopic<String, ForecastRecord> forecasts;
    public final TestOutputTopic<String, FallbackEvent> fallbacks;
    public final TestOutputTopic<byte[], byte[]> dlq;
    public final TestOutputTopic<String, ForecastScore> scores;
    public final TestOutputTopic<String, ForecastRecord> shadowForecasts;

    public TopologyHarness(final Path stateDir, final Map<String, String> overrides, final StubModelClient model) {
        this(stateDir, overrides, ModelClients.of(model));
    }

    /** The topology with a rollout's clients (current, candidate, shadow); {@link #model} is the current one. */
    public TopologyHarness(final Path stateDir, final Map<String, String> overrides, final ModelClients clients) {
        final Map<String, String> settings = new HashMap<>();
        settings.put("cycle.grace.ms", "0");
        settings.putAll(overrides);
        this.config = AppConfig.of(settings);
        this.model = (StubModelClient) clients.current();
        final Properties props = config.streamsProperties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(TsfmTopology.build(config, clients, metrics), props, T0);
        this.ticks = driver.createInputTopic("market-ticks", new ByteArraySerializer(), new ByteArraySerializer());
        this.forecasts = driver.createOutputTopic(
                "tsfm-forecasts", new StringDeserializer(), new ForecastRecordSerde().deserializer());
        this.fallbacks = driver.createOutputTopic(
                "tsfm-fallback-events", new StringDeserializer(), new FallbackEventSerde().deserializer());
        this.scores = driver.createOutputTopic(
                "tsfm-forecast-scores", new StringDeserializer(), new ForecastScoreSerde().deserializer());
        this.shadowForecasts = driver.createOutputTopic(
                "tsfm-shadow-forecasts", new StringDeserializer(), new ForecastRecordSerde().deserializer());
        this.dlq =
                driver.createOutputTopic("market-ticks-dlq", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static StubModelClient defaultModel() {
        return new StubModelClient(new double[] {0.1, 0.5, 0.9}, 12);
    }

    public static String tickJson(final String market, final Instant ts, final double p, final String bucket) {
        return "{\"market_id\":\"" + market + "\",\"ts\":\"" + ts + "\",\"p_yes\":" + p
                + (bucket == null ? "" : ",\"liquidity_bucket\":\"" + bucket + "\"") + "}";
    }

    public void tick(final String market, final Instant ts, final double p) {
        tick(market, ts, p, "high");
    }

    public void tick(final String market, final Instant ts, final double p, final String bucket) {
        raw(market, tickJson(market, ts, p, bucket), ts);
    }

    public void raw(final String key, final String value, final Instant recordTs) {
        ticks.pipeInput(new TestRecord<>(
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                recordTs));
    }

    /** One tick per minute for every market from {@code from} (inclusive) to {@code to} (exclusive). */
    public void minuteTicks(final List<String> markets, final Instant from, final Instant to, final double p) {
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            for (final String m : markets) {
                tick(m, t, p);
            }
        }
    }

    /** Fires the wall-clock drain punctuator. */
    public void drain() {
        driver.advanceWallClockTime(Duration.ofMillis(50));
    }

    @Override
    public void close() {
        driver.close();
    }
}
