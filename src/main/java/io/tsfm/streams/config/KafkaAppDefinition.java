package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;

/** The app's Kafka settings (brokers, application id, guarantee) and its topics: part of {@link AppConfigDefinition}. */
@SuppressWarnings("BadImport") // Type, Importance: ConfigDef's own idiom, read beside define()
final class KafkaAppDefinition {
    private KafkaAppDefinition() {}

    /** Defines them on {@code def}, in the order the configuration docs list them. */
    static ConfigDef define(final ConfigDef def) {
        return def.define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", Importance.HIGH, "Kafka bootstrap servers.")
                .define(
                        APPLICATION_ID,
                        Type.STRING,
                        "tsfm-streams",
                        new NonBlank(),
                        Importance.HIGH,
                        "Kafka Streams application id: consumer group, prefix of internal topics and state. "
                                + "Changing it starts from scratch.")
                .define(
                        PROCESSING_GUARANTEE,
                        Type.STRING,
                        StreamsConfig.EXACTLY_ONCE_V2,
                        ConfigDef.ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE),
                        Importance.HIGH,
                        "exactly_once_v2 (no duplicate forecasts) or at_least_once.")
                .define(
                        TOPIC_TICKS,
                        Type.STRING,
                        "market-ticks",
                        new NonBlank(),
                        Importance.HIGH,
                        "Input topic of market ticks (key market_id, JSON value).")
                .define(
                        TOPIC_FORECASTS,
                        Type.STRING,
                        "tsfm-forecasts",
                        new NonBlank(),
                        Importance.HIGH,
                        "Output topic: one forecast per (market, as_of).")
                .define(
                        TOPIC_FALLBACKS,
                        Type.STRING,
                        "tsfm-fallback-events",
                        new NonBlank(),
                        Importance.HIGH,
                        "Output topic: one event per baseline answer, with the reason.")
                .define(
                        TOPIC_DLQ,
                        Type.STRING,
                        "market-ticks-dlq",
                        new NonBlank(),
                        Importance.HIGH,
                        "Dead-letter topic: original bytes of rejected ticks, reason in headers.")
                .define(
                        TOPIC_SCORES,
                        Type.STRING,
                        "tsfm-forecast-scores",
                        new NonBlank(),
                        Importance.MEDIUM,
                        "Output topic: one score record per forecast once its horizon is realised (or the market "
                                + "went quiet).")
                .define(
                        TOPIC_SHADOW_FORECASTS,
                        Type.STRING,
                        "tsfm-shadow-forecasts",
                        new NonBlank(),
                        Importance.MEDIUM,
                        "Output topic of the candidate's shadow forecasts (never served).");
    }
}
