package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.calibrate.CalibrationSettings;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.drift.DriftSettings;
import io.tsfm.streams.rollout.ModelRef;
import io.tsfm.streams.rollout.RolloutPolicy;
import io.tsfm.streams.rollout.RolloutStage;
import io.tsfm.streams.rollout.SegmentRules;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The application's own settings, typed and validated by Kafka's {@link ConfigDef}: a bad value fails
 * start-up with a message naming the key, and the same definition generates docs/configuration.md.
 */
public final class AppConfig extends AbstractConfig {

    public static final ConfigDef DEFINITION = AppConfigDefinition.definition();

    private final Map<String, Object> kafkaProperties;

    AppConfig(final Map<String, String> appValues, final Map<String, Object> kafkaProperties) {
        super(DEFINITION, appValues, false);
        this.kafkaProperties = Map.copyOf(kafkaProperties);
        crossCheck();
    }

    /** Defaults only, plus the given overrides (tests and the demo build configs this way). */
    public static AppConfig of(final Map<String, String> overrides) {
        return ConfigLoader.fromLayers(List.of(overrides), Map.of());
    }

    private void crossCheck() {
        if (getDouble(INTERVAL_MIN_WIDTH) >= getDouble(INTERVAL_MAX_WIDTH)) {
            throw new ConfigException(
                    INTERVAL_MIN_WIDTH, getDouble(INTERVAL_MIN_WIDTH), "must be below " + INTERVAL_MAX_WIDTH);
        }
        if (getLong(TOLLAMA_RETRY_BACKOFF_MAX_MS) < getLong(TOLLAMA_RETRY_BACKOFF_MS)) {
            throw new ConfigException(
                    TOLLAMA_RETRY_BACKOFF_MAX_MS,
                    getLong(TOLLAMA_RETRY_BACKOFF_MAX_MS),
                    "must be at least " + TOLLAMA_RETRY_BACKOFF_MS);
        }
        if (getLong(MODEL_LICENSE_RECHECK_MAX_MS) < getLong(MODEL_LICENSE_RECHECK_MS)) {
            throw new ConfigException(
                    MODEL_LICENSE_RECHECK_MAX_MS,
                    getLong(MODEL_LICENSE_RECHECK_MAX_MS),
                    "must be at least " + MODEL_LICENSE_RECHECK_MS);
        }
        rolloutPolicy(); // segment rules parse
        final String candidateUrl = getString(ROLLOUT_CANDIDATE_URL);
        if (candidateUrl != null && !candidateUrl.isBlank()) {
            new HttpUrl().ensureValid(ROLLOUT_CANDIDATE_URL, candidateUrl);
        }
        if (getInt(MIN_POINTS_FOR_TSFM) > getInt(INPUT_LEN_STEPS)) {
            throw new ConfigException(
                    MIN_POINTS_FOR_TSFM, getInt(MIN_POINTS_FOR_TSFM), "must not exceed " + INPUT_LEN_STEPS);
        }
    }

    /**
     * Kafka Streams properties whose default here differs from Kafka's (a pass-through property wins):
     * {@code max.task.idle.ms} = -1, because a task's second input, the rekey repartition topic, only
     * carries ticks sent without a key, and waiting on it (Kafka's 0) orders nothing that matters but
     * costs every tick (docs/architecture.md, "Ticks"); {@code producer.batch.size} = 256 KiB, because a
     * score record is about 7 KB, so Kafka's 16 KiB batches carry two of them and a cycle's score records
     * take thousands of produce round trips inside one exactly-once transaction (docs/configuration.md).
     */
    public static final Map<String, String> STREAMS_DEFAULTS = Map.of(
            StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
            "-1",
            StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG),
            Integer.toString(256 * 1024));

    /** This configuration (its own settings and pass-through properties) with {@code overrides} on top. */
    public AppConfig with(final Map<String, String> overrides) {
        final Map<String, String> base = new java.util.HashMap<>(originalsStrings());
        kafkaProperties.forEach((k, v) -> base.put(k, String.valueOf(v)));
        return ConfigLoader.fromLayers(List.of(base, overrides), Map.of());
    }

    /** Kafka Streams / client properties that passed through (already merged: file, then environment). */
    public Map<String, Object> kafkaProperties() {
        return kafkaProperties;
    }

    /**
     * Properties for {@code KafkaStreams}: our Kafka-facing keys and {@link #STREAMS_DEFAULTS}, then every
     * pass-through property.
     */
    public java.util.Properties streamsProperties() {
        final java.util.Properties props = new java.util.Properties();
        props.putAll(STREAMS_DEFAULTS);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, getString(APPLICATION_ID));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, getString(PROCESSING_GUARANTEE));
        props.putAll(kafkaProperties);
        return props;
    }

    public Duration step() {
        return FreqValidator.parse(getString(FREQ));
    }

    public double[] quantiles() {
        return QuantilesValidator.parse(getList(QUANTILES));
    }

    public Transform transform() {
        return new Transform(
                Transform.Space.valueOf(getString(TRANSFORM).toUpperCase(java.util.Locale.ROOT)),
                getDouble(TRANSFORM_EPS));
    }

    /** The bearer token, from the key, else from the key file; null when auth is off. */
    public String tollamaApiKey() {
        final Password password = getPassword(TOLLAMA_API_KEY);
        if (password != null && !password.value().isBlank()) {
            return password.value().trim();
        }
        final String file = getString(TOLLAMA_API_KEY_FILE);
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            final List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(file));
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                throw new ConfigException(TOLLAMA_API_KEY_FILE, file, "the file is empty");
            }
            return lines.get(0).trim();
        } catch (final java.io.IOException e) {
            throw new ConfigException(TOLLAMA_API_KEY_FILE, file, "cannot read the file: " + e.getMessage());
        }
    }

    /** The forecasting settings of the cycle engine, read once. */
    public ForecastSettings forecastSettings() {
        final Set<String> buckets = new HashSet<>();
        for (final String b : getList(BASELINE_ONLY_LIQUIDITY_BUCKET)) {
            if (!b.isBlank()) {
                buckets.add(b.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new ForecastSettings(
                step(),
                getString(FREQ),
                getInt(INPUT_LEN_STEPS),
                getInt(HORIZON_STEPS),
                quantiles(),
                getInt(MIN_POINTS_FOR_TSFM),
                buckets,
                getInt(MAX_GAP_MINUTES) * 60_000L,
                transform(),
                getString(BASELINE_METHOD),
                getDouble(EWMA_ALPHA),
                getDouble(INTERVAL_MIN_WIDTH),
                getDouble(INTERVAL_MAX_WIDTH),
                getLong(CYCLE_GRACE_MS),
                getLong(JOB_DEADLINE_MS),
                getLong(DRAIN_INTERVAL_MS),
                getInt(CYCLE_SLICE_MARKETS),
                getInt(TOLLAMA_SERIES_PER_REQUEST),
                tollamaModelVersion(),
                getLong(CYCLE_WINDOW_START_MS) == null ? Long.MIN_VALUE : getLong(CYCLE_WINDOW_START_MS),
                getLong(CYCLE_WINDOW_END_MS) == null ? Long.MAX_VALUE : getLong(CYCLE_WINDOW_END_MS),
                calibration(),
                rolloutPolicy(),
                getDouble(ROLLOUT_SHADOW_MATCH_DISTANCE),
                drift());
    }

    public CalibrationSettings calibration() {
        return new CalibrationSettings(
                getBoolean(CALIBRATION_ENABLED),
                getDouble(CALIBRATION_TARGET),
                getString(CALIBRATION_METHOD),
                getString(CALIBRATION_ERROR_UNIT),
                getDouble(CALIBRATION_LEARNING_RATE),
                getInt(CALIBRATION_LEARNING_RATE_DECAY_SAMPLES),
                getInt(CALIBRATION_WINDOW),
                getInt(CALIBRATION_MIN_SAMPLES),
                getInt(CALIBRATION_FLAT_LOOKBACK_STEPS),
                getDouble(CALIBRATION_FLAT_THRESHOLD),
                activityClasses(),
                getBoolean(CALIBRATION_DIRECTION_SPLIT),
                getBoolean(CALIBRATION_BASELINE_STANDBY));
    }

    private int[] activityClasses() {
        final List<String> raw = getList(CALIBRATION_ACTIVITY_CLASSES);
        final int[] classes = new int[raw.size()];
        for (int i = 0; i < classes.length; i++) {
            try {
                classes[i] = Integer.parseInt(raw.get(i).trim());
            } catch (final NumberFormatException e) {
                throw new ConfigException(CALIBRATION_ACTIVITY_CLASSES, raw, "not a list of whole numbers");
            }
            if (classes[i] < 1 || (i > 0 && classes[i] <= classes[i - 1])) {
                throw new ConfigException(CALIBRATION_ACTIVITY_CLASSES, raw, "must be ascending counts of at least 1");
            }
        }
        return classes;
    }

    public DriftSettings drift() {
        return new DriftSettings(
                Duration.ofHours(getInt(DRIFT_WINDOW_HOURS)),
                Duration.ofHours(1),
                Duration.ofHours(getInt(DRIFT_REFERENCE_HOURS)),
                getInt(DRIFT_MIN_OBSERVATIONS));
    }

    /** The rollout as the router reads it. */
    public RolloutPolicy rolloutPolicy() {
        final String candidate = getString(ROLLOUT_CANDIDATE_MODEL);
        final ModelRef current = "baseline".equals(getString(ROLLOUT_INCUMBENT)) && candidate != null
                ? null
                : ModelRef.named(getString(TOLLAMA_MODEL));
        final SegmentRules rules;
        try {
            rules = SegmentRules.parse(String.join(",", getList(ROLLOUT_BASELINE_SEGMENTS)));
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(ROLLOUT_BASELINE_SEGMENTS, getList(ROLLOUT_BASELINE_SEGMENTS), e.getMessage());
        }
        return new RolloutPolicy(
                RolloutStage.fromId(getString(ROLLOUT_STAGE)),
                candidate == null || candidate.isBlank()
                        ? null
                        : new ModelRef(candidate, getString(ROLLOUT_CANDIDATE_URL)),
                current,
                rules,
                getBoolean(ROLLOUT_SHADOW_OUTSIDE_SHARE));
    }

    public String tollamaModelVersion() {
        return getString(TOLLAMA_MODEL_VERSION);
    }

    /** The settings as parsed, in key order; passwords (the API key, the API tokens) print as [hidden]. */
    @Override
    public String toString() {
        return "AppConfig" + new java.util.TreeMap<>(values());
    }
}
