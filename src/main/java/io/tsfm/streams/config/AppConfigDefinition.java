package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.baseline.BaselineForecaster;
import io.tsfm.streams.calibrate.OnlineCalibrator;
import io.tsfm.streams.domain.Transform;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every setting of the app, once: its key, type, default, validator and description, as Kafka's
 * {@link ConfigDef}. {@link AppConfig} parses with it and {@code config-docs} prints it.
 */
@SuppressWarnings("BadImport") // Type, Importance, Range: ConfigDef's own idiom, read beside define()
final class AppConfigDefinition {
    private AppConfigDefinition() {}

    static ConfigDef definition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.STRING, "127.0.0.1:9092", Importance.HIGH, "Kafka bootstrap servers.")
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
                        "Output topic of the candidate's shadow forecasts (never served).")
                .define(
                        TOLLAMA_URL,
                        Type.STRING,
                        "http://127.0.0.1:11435",
                        new HttpUrl(),
                        Importance.HIGH,
                        "Base URL of the tollama server (POST {url}/v1/forecast).")
                .define(
                        TOLLAMA_API_KEY,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Bearer token for tollama. Prefer the environment (TSFM_TOLLAMA_API_KEY) or "
                                + TOLLAMA_API_KEY_FILE + "; never logged.")
                .define(
                        TOLLAMA_API_KEY_FILE,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "File whose first line is the tollama bearer token.")
                .define(
                        TOLLAMA_MODEL,
                        Type.STRING,
                        "chronos2",
                        new NonBlank(),
                        Importance.HIGH,
                        "Model name as installed in tollama.")
                .define(
                        TOLLAMA_MODEL_VERSION,
                        Type.STRING,
                        "unspecified",
                        Importance.LOW,
                        "Model version written to forecast meta (tollama does not report one).")
                .define(
                        TOLLAMA_TIMEOUT_MS,
                        Type.LONG,
                        1200L,
                        Range.atLeast(1),
                        Importance.HIGH,
                        "Timeout of one HTTP attempt, in ms.")
                .define(
                        TOLLAMA_RETRY_MAX,
                        Type.INT,
                        1,
                        Range.between(0, 10),
                        Importance.MEDIUM,
                        "Retries after the first attempt, only on 429/502/503/504 and network errors.")
                .define(
                        TOLLAMA_RETRY_BACKOFF_MS,
                        Type.LONG,
                        120L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "First retry backoff in ms; doubles with each retry.")
                .define(
                        TOLLAMA_RETRY_BACKOFF_MAX_MS,
                        Type.LONG,
                        800L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Cap of the retry backoff in ms.")
                .define(
                        TOLLAMA_RETRY_JITTER_MS,
                        Type.LONG,
                        80L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "Uniform random jitter added to each backoff, in ms.")
                .define(
                        TOLLAMA_SERIES_PER_REQUEST,
                        Type.INT,
                        64,
                        Range.between(1, 10_000),
                        Importance.MEDIUM,
                        "Series (markets) batched into one tollama request.")
                .define(
                        TOLLAMA_MAX_IN_FLIGHT,
                        Type.INT,
                        8,
                        Range.between(1, 1024),
                        Importance.MEDIUM,
                        "Concurrent tollama requests per application instance (a bulkhead).")
                .define(
                        MODEL_LICENSE_ALLOWLIST,
                        Type.LIST,
                        "Apache-2.0,MIT,BSD-2-Clause,BSD-3-Clause",
                        Importance.HIGH,
                        "Licence ids (SPDX, compared case-insensitively) a model may have. At "
                                + "start-up, run and demo read the licence of " + TOLLAMA_MODEL + " from the model "
                                + "server (POST /api/show) and exit 4 when it is not on this list, needs acceptance "
                                + "that was not given, or cannot be determined from the server's answer. A server "
                                + "that cannot be asked (unreachable, no answer, 5xx) does not stop the start: the "
                                + "baseline serves the model's markets (fallback model_licence_unverified) until the "
                                + "licence is read. Default: licences allowing commercial use.")
                .define(
                        MODEL_LICENSE_CHECK_OVERRIDE,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "Start even when the licence check refuses a model; every start then logs a WARN naming "
                                + "each refused model and its licence. The model is called whether or not its "
                                + "licence could be read.")
                .define(
                        MODEL_LICENSE_RECHECK_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "First wait before reading again a licence the model server could not be asked for; "
                                + "doubled after each failed read up to " + MODEL_LICENSE_RECHECK_MAX_MS + ".")
                .define(
                        MODEL_LICENSE_RECHECK_MAX_MS,
                        Type.LONG,
                        60_000L,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Longest wait between two reads of an unverified licence, in ms: the longest the "
                                + "baseline keeps serving a model's markets after its server came back.")
                .define(
                        BREAKER_FAILURE_THRESHOLD,
                        Type.INT,
                        5,
                        Range.between(1, 1000),
                        Importance.MEDIUM,
                        "Consecutive failed model calls that open the circuit breaker.")
                .define(
                        BREAKER_OPEN_MS,
                        Type.LONG,
                        120_000L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "How long the breaker stays open before half-open probes, in ms.")
                .define(
                        BREAKER_HALF_OPEN_PROBES,
                        Type.INT,
                        2,
                        Range.between(1, 100),
                        Importance.MEDIUM,
                        "Probe calls in half-open state; all must succeed to close.")
                .define(
                        FREQ,
                        Type.STRING,
                        "5m",
                        new FreqValidator(),
                        Importance.HIGH,
                        "Grid step: <n>m or <n>h. Part of the state's compatibility contract.")
                .define(
                        INPUT_LEN_STEPS,
                        Type.INT,
                        288,
                        Range.between(2, 20_000),
                        Importance.HIGH,
                        "Context length in steps (288 x 5 min = 24 h).")
                .define(
                        HORIZON_STEPS,
                        Type.INT,
                        12,
                        Range.between(1, 1000),
                        Importance.HIGH,
                        "Forecast horizon in steps.")
                .define(
                        QUANTILES,
                        Type.LIST,
                        "0.1,0.5,0.9",
                        new QuantilesValidator(),
                        Importance.HIGH,
                        "Quantile levels, strictly ascending in (0,1).")
                .define(
                        MIN_POINTS_FOR_TSFM,
                        Type.INT,
                        32,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Contexts shorter than this get the baseline (too_few_points).")
                .define(
                        MAX_GAP_MINUTES,
                        Type.INT,
                        60,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "A gap between ticks longer than this, in the context or since the last tick, gets the "
                                + "baseline (max_gap_exceeded).")
                .define(
                        BASELINE_ONLY_LIQUIDITY_BUCKET,
                        Type.LIST,
                        "low",
                        Importance.MEDIUM,
                        "Liquidity buckets always served by the baseline (comma-separated; empty for none).")
                .define(
                        TRANSFORM,
                        Type.STRING,
                        "logit",
                        ConfigDef.ValidString.in("logit", "none"),
                        Importance.MEDIUM,
                        "Model space: logit of the clipped probability, or none.")
                .define(
                        TRANSFORM_EPS,
                        Type.DOUBLE,
                        Transform.DEFAULT_EPS,
                        Range.between(1e-12, 0.49),
                        Importance.LOW,
                        "Clip epsilon of the logit transform.")
                .define(
                        BASELINE_METHOD,
                        Type.STRING,
                        BaselineForecaster.EMPIRICAL_MOVES,
                        ConfigDef.ValidString.in(BaselineForecaster.EMPIRICAL_MOVES, BaselineForecaster.SEED_EWMA),
                        Importance.MEDIUM,
                        "The fallback forecaster: empirical_moves (the last value as median, "
                                + "the market's own moves as band; docs/forecaster.md) or seed_ewma (the seed's "
                                + "EWMA, for parity).")
                .define(
                        EWMA_ALPHA,
                        Type.DOUBLE,
                        0.2,
                        Range.between(0.001, 1.0),
                        Importance.LOW,
                        "Smoothing factor of the seed_ewma baseline.")
                .define(
                        INTERVAL_MIN_WIDTH,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Narrowest allowed q_low..q_high band, centred on the median, applied after calibration. "
                                + "0: none (the calibrated band is served). The seed's is 0.02 (seed "
                                + "compatibility; it keeps bands far wider than real markets move).")
                .define(
                        INTERVAL_MAX_WIDTH,
                        Type.DOUBLE,
                        1.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Widest allowed q_low..q_high band, centred on the median, applied after calibration. "
                                + "1: none. The seed's is 0.60 (seed compatibility).")
                .define(
                        DRIFT_WINDOW_HOURS,
                        Type.INT,
                        24,
                        Range.between(1, 24 * 90),
                        Importance.LOW,
                        "Input drift (PSI): the rolling event-time window compared with the reference, in hours.")
                .define(
                        DRIFT_REFERENCE_HOURS,
                        Type.INT,
                        168,
                        Range.between(1, 24 * 365),
                        Importance.LOW,
                        "Input drift (PSI): the reference is the first this many hours of event time the task saw.")
                .define(
                        DRIFT_MIN_OBSERVATIONS,
                        Type.INT,
                        500,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Input drift (PSI): observations the reference and the window each need before a PSI is "
                                + "reported (NaN until then).")
                .define(
                        CALIBRATION_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Rescale served bands with the online calibrator of their segment (docs/calibration.md). "
                                + "Forecasts are scored either way.")
                .define(
                        CALIBRATION_TARGET,
                        Type.DOUBLE,
                        0.8,
                        Range.between(0.5, 0.99),
                        Importance.MEDIUM,
                        "Share of realised values the lowest..highest quantile band should cover.")
                .define(
                        CALIBRATION_METHOD,
                        Type.STRING,
                        OnlineCalibrator.QUANTILE_TRACKING,
                        ConfigDef.ValidString.in(OnlineCalibrator.QUANTILE_TRACKING, OnlineCalibrator.ROLLING_QUANTILE),
                        Importance.LOW,
                        "Update rule: quantile_tracking (adaptive conformal, learning rate) or "
                                + "rolling_quantile (conformal quantile of the last window errors).")
                .define(
                        CALIBRATION_LEARNING_RATE,
                        Type.DOUBLE,
                        0.01,
                        Range.between(1e-6, 1.0),
                        Importance.LOW,
                        "quantile_tracking: step of the log scale per scored step.")
                .define(
                        CALIBRATION_WINDOW,
                        Type.INT,
                        500,
                        Range.between(10, 100_000),
                        Importance.LOW,
                        "rolling_quantile: scored steps kept per segment.")
                .define(
                        CALIBRATION_MIN_SAMPLES,
                        Type.INT,
                        50,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Scored steps a segment needs before its calibration is served; until then the "
                                + "uncalibrated band is served and meta says so.")
                .define(
                        CALIBRATION_FLAT_LOOKBACK_STEPS,
                        Type.INT,
                        24,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Steps looked back to call a market quiet or moving (its calibration segment): quiet when "
                                + "none of them moved.")
                .define(
                        CALIBRATION_FLAT_THRESHOLD,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "A step moved when its value differs from the step before by more than this.")
                .define(
                        CALIBRATION_ACTIVITY_CLASSES,
                        Type.LIST,
                        "1,3,6",
                        Importance.LOW,
                        "Moving markets are calibrated apart by how many steps of the look-back moved: ascending "
                                + "lower bounds of the classes (1,3,6: 1-2, 3-5, 6 or more); empty for one class.")
                .define(
                        CALIBRATION_DIRECTION_SPLIT,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Moving markets are calibrated apart by the sign of their last move (after a rise real "
                                + "markets often fall back, so the band's two sides differ).")
                .define(
                        CALIBRATION_BASELINE_STANDBY,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Ask the baseline beside every model forecast and score its band too (never served), so "
                                + "its calibrators are warm when the model goes down or a gate sends a market to it; "
                                + "costs one baseline forecast per model forecast.")
                .define(
                        CYCLE_GRACE_MS,
                        Type.LONG,
                        10_000L,
                        Range.atLeast(0),
                        Importance.MEDIUM,
                        "Event-time grace after a step boundary before its cycle runs (waits for late ticks).")
                .define(
                        JOB_DEADLINE_MS,
                        Type.LONG,
                        5_000L,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Wall-clock budget of a model job from dispatch; then deadline_exceeded and the baseline.")
                .define(
                        DRAIN_INTERVAL_MS,
                        Type.LONG,
                        20L,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Wall-clock interval of the punctuator that drains model answers on the stream thread.")
                .define(
                        CYCLE_SLICE_MARKETS,
                        Type.INT,
                        2_000,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Markets a task's cycle does at most per slice (or ten times as many held ticks); the drain"
                                + " punctuator does the next slice and the stream thread commits in between, so an"
                                + " exactly-once transaction's work stays bounded however many markets a task holds.")
                .define(
                        TOPICS_CREATE_MISSING,
                        Type.BOOLEAN,
                        false,
                        Importance.MEDIUM,
                        "Create missing input/output topics at start-up; when false a missing topic fails start-up.")
                .define(
                        TOPICS_PARTITIONS,
                        Type.INT,
                        6,
                        Range.between(1, 10_000),
                        Importance.LOW,
                        "Partitions of topics created by topics.create.missing.")
                .define(
                        TOPICS_REPLICATION_FACTOR,
                        Type.SHORT,
                        (short) -1,
                        Importance.LOW,
                        "Replication factor of created topics; -1 uses the broker default.")
                .define(
                        OPS_PORT,
                        Type.INT,
                        8080,
                        Range.between(0, 65535),
                        Importance.MEDIUM,
                        "Port of the ops HTTP server (/metrics, /health/*, /topology, /markets/{id}/forecast); "
                                + "0 picks a free port.")
                .define(
                        OPS_BIND,
                        Type.STRING,
                        "127.0.0.1",
                        new NonBlank(),
                        Importance.MEDIUM,
                        "Address the ops HTTP server binds; 0.0.0.0 to serve other hosts (e.g. in a container).")
                .define(
                        OPS_ADVERTISED_HOST,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "Host other instances use to reach this one's ops server for key lookups "
                                + "(application.server); defaults to ops.bind, or the host name when ops.bind is 0.0.0.0.")
                .define(
                        OPS_HTTP_THREADS,
                        Type.INT,
                        16,
                        Range.between(4, 1_000),
                        Importance.LOW,
                        "Most threads of the ops server (ops endpoints and the on-demand API); idle and half-sent "
                                + "connections hold none.")
                .define(
                        OPS_HTTP_IDLE_TIMEOUT_MS,
                        Type.LONG,
                        30_000L,
                        Range.between(100, 3_600_000),
                        Importance.LOW,
                        "An ops server connection with nothing received or sent for this long is closed (a request "
                                + "whose headers or body stop arriving: 408).")
                .define(
                        OPS_HTTP_MAX_REQUEST_BYTES,
                        Type.LONG,
                        4L * 1024 * 1024,
                        Range.between(1_024, 1L << 30),
                        Importance.LOW,
                        "Largest request body the ops server accepts (413 above).")
                .define(
                        OPS_HTTP_MAX_HEADER_BYTES,
                        Type.INT,
                        16 * 1024,
                        Range.between(1_024, 1 << 20),
                        Importance.LOW,
                        "Largest request line and headers the ops server accepts (431 above).")
                .define(
                        API_TOKENS,
                        Type.PASSWORD,
                        null,
                        Importance.MEDIUM,
                        "Tokens of the on-demand API POST /tsfm/forecast on the ops server: comma-separated "
                                + "identity:token pairs or bare tokens (at least 16 characters, no placeholders). "
                                + "Set it through the environment (TSFM_API_TOKENS); never logged. With no token "
                                + "here or in " + API_TOKENS_FILE + " the endpoint answers 503.")
                .define(
                        API_TOKENS_FILE,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "File of on-demand API tokens, one identity:token or bare token per line (blank lines "
                                + "and # comments skipped); used together with " + API_TOKENS + ".")
                .define(
                        API_RATE_LIMIT_PER_MINUTE,
                        Type.INT,
                        60,
                        Range.between(1, 1_000_000),
                        Importance.MEDIUM,
                        "On-demand API requests per minute per identity (a token bucket of that size, refilled "
                                + "evenly); over it the answer is 429 with Retry-After.")
                .define(
                        ROLLOUT_STAGE,
                        Type.STRING,
                        "full_100",
                        ConfigDef.ValidString.in("shadow", "canary_5", "canary_25", "full_100"),
                        Importance.MEDIUM,
                        "Rollout stage of " + ROLLOUT_CANDIDATE_MODEL + ": shadow (called for every market, served to "
                                + "none), canary_5 / canary_25 (serves that share of markets, chosen by a stable hash "
                                + "of the market id), full_100 (serves every market). Every metric carries it as the "
                                + "rollout_stage label. Roll back by setting it to shadow, or unsetting the candidate.")
                .define(
                        ROLLOUT_CANDIDATE_MODEL,
                        Type.STRING,
                        null,
                        Importance.MEDIUM,
                        "The model being rolled out (as installed in tollama); unset: no rollout, " + TOLLAMA_MODEL
                                + " serves every market.")
                .define(
                        ROLLOUT_CANDIDATE_URL,
                        Type.STRING,
                        null,
                        Importance.LOW,
                        "Base URL of the tollama serving the candidate; unset: " + TOLLAMA_URL + ".")
                .define(
                        ROLLOUT_INCUMBENT,
                        Type.STRING,
                        "model",
                        ConfigDef.ValidString.in("model", "baseline"),
                        Importance.MEDIUM,
                        "What serves the markets the candidate does not: model (" + TOLLAMA_MODEL
                                + ") or baseline (the first rollout of a model over the EWMA baseline: those "
                                + "markets get route_policy_baseline).")
                .define(
                        ROLLOUT_BASELINE_SEGMENTS,
                        Type.LIST,
                        "",
                        Importance.LOW,
                        "Segments always served by the baseline (route_policy_baseline), e.g. "
                                + "liquidity_bucket=mid,market_id=m-0042; empty for none.")
                .define(
                        ROLLOUT_SHADOW_OUTSIDE_SHARE,
                        Type.BOOLEAN,
                        false,
                        Importance.LOW,
                        "In canary stages, also call the candidate in shadow for the markets outside the share.")
                .define(
                        ROLLOUT_SHADOW_MATCH_DISTANCE,
                        Type.DOUBLE,
                        0.05,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "A shadow forecast matches the served one when their last-step medians differ by at most "
                                + "this much (probability).")
                .define(
                        TOPICS_CREATED_RETENTION_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "retention.ms of topics created by topics.create.missing (-1 keeps everything; replays "
                                + "use -1 because their records carry old event timestamps); unset = broker default.")
                .define(
                        STEPS_CHANGELOG_RETENTION_MS,
                        Type.LONG,
                        null,
                        ConfigDef.LambdaValidator.with(
                                (n, v) -> {
                                    if (v != null && (Long) v < -1) {
                                        throw new ConfigException(
                                                n, v, "must be -1 (keep everything), at least 0, or unset");
                                    }
                                },
                                () -> "-1, >= 0, or unset"),
                        Importance.LOW,
                        "retention.ms of the step store's changelog (<application.id>-step-closes-changelog) when "
                                + "Kafka Streams creates it. The broker deletes its records by their event "
                                + "timestamps, so ticks older than this are gone from it at once and a restore "
                                + "would rebuild contexts without them: -1 for data older than about two days "
                                + "(replay sets it). Unset = Kafka Streams' own: the store's retention plus "
                                + "windowstore.changelog.additional.retention.ms (about 49 h by default).")
                .define(
                        CYCLE_WINDOW_START_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "Epoch ms: boundaries before this get no cycle (ticks still build state). Set by replay.")
                .define(
                        CYCLE_WINDOW_END_MS,
                        Type.LONG,
                        null,
                        Importance.LOW,
                        "Epoch ms: boundaries after this get no cycle. Set by replay.")
                .define(
                        MAX_FUTURE_SKEW_MS,
                        Type.LONG,
                        3_600_000L,
                        Range.atLeast(0),
                        Importance.LOW,
                        "A tick whose ts is this far after its Kafka record timestamp is rejected (absurd_timestamp).");
    }
}
