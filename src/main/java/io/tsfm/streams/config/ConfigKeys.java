package io.tsfm.streams.config;

/**
 * Every application setting's name, one constant each, so code, docs and tests spell them alike.
 * Anything that is not one of these and is a Kafka Streams / client property passes through to Kafka.
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String PROCESSING_GUARANTEE = "processing.guarantee";

    public static final String TOPIC_TICKS = "topic.ticks";
    public static final String TOPIC_FORECASTS = "topic.forecasts";
    public static final String TOPIC_FALLBACKS = "topic.fallbacks";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String TOPIC_SCORES = "topic.scores";

    public static final String TOLLAMA_URL = "tollama.url";
    public static final String TOLLAMA_API_KEY = "tollama.api.key";
    public static final String TOLLAMA_API_KEY_FILE = "tollama.api.key.file";
    public static final String TOLLAMA_MODEL = "tollama.model";
    public static final String TOLLAMA_MODEL_VERSION = "tollama.model.version";
    public static final String TOLLAMA_TIMEOUT_MS = "tollama.timeout.ms";
    public static final String TOLLAMA_RETRY_MAX = "tollama.retry.max.retries";
    public static final String TOLLAMA_RETRY_BACKOFF_MS = "tollama.retry.backoff.ms";
    public static final String TOLLAMA_RETRY_BACKOFF_MAX_MS = "tollama.retry.backoff.max.ms";
    public static final String TOLLAMA_RETRY_JITTER_MS = "tollama.retry.jitter.ms";
    public static final String TOLLAMA_SERIES_PER_REQUEST = "tollama.series.per.request";
    public static final String TOLLAMA_MAX_IN_FLIGHT = "tollama.max.in.flight";

    public static final String MODEL_LICENSE_ALLOWLIST = "model.license.allowlist";
    public static final String MODEL_LICENSE_CHECK_OVERRIDE = "model.license.check.override";
    public static final String MODEL_LICENSE_RECHECK_MS = "model.license.recheck.ms";
    public static final String MODEL_LICENSE_RECHECK_MAX_MS = "model.license.recheck.max.ms";

    public static final String BREAKER_FAILURE_THRESHOLD = "breaker.failure.threshold";
    public static final String BREAKER_OPEN_MS = "breaker.open.ms";
    public static final String BREAKER_HALF_OPEN_PROBES = "breaker.half.open.probes";

    public static final String FREQ = "freq";
    public static final String INPUT_LEN_STEPS = "input.len.steps";
    public static final String HORIZON_STEPS = "horizon.steps";
    public static final String QUANTILES = "quantiles";
    public static final String MIN_POINTS_FOR_TSFM = "min.points.for.tsfm";
    public static final String MAX_GAP_MINUTES = "max.gap.minutes";
    public static final String BASELINE_ONLY_LIQUIDITY_BUCKET = "baseline.only.liquidity.bucket";
    public static final String TRANSFORM = "transform";
    public static final String TRANSFORM_EPS = "transform.eps";
    public static final String BASELINE_METHOD = "baseline.method";
    public static final String EWMA_ALPHA = "baseline.ewma.alpha";
    public static final String INTERVAL_MIN_WIDTH = "interval.min.width";
    public static final String INTERVAL_MAX_WIDTH = "interval.max.width";

    public static final String DRIFT_WINDOW_HOURS = "drift.window.hours";
    public static final String DRIFT_REFERENCE_HOURS = "drift.reference.hours";
    public static final String DRIFT_MIN_OBSERVATIONS = "drift.min.observations";

    public static final String CALIBRATION_ENABLED = "calibration.enabled";
    public static final String CALIBRATION_TARGET = "calibration.target";
    public static final String CALIBRATION_METHOD = "calibration.method";
    public static final String CALIBRATION_ERROR_UNIT = "calibration.error.unit";
    public static final String CALIBRATION_LEARNING_RATE = "calibration.learning.rate";
    public static final String CALIBRATION_LEARNING_RATE_DECAY_SAMPLES = "calibration.learning.rate.decay.samples";
    public static final String CALIBRATION_WINDOW = "calibration.window";
    public static final String CALIBRATION_MIN_SAMPLES = "calibration.min.samples";
    public static final String CALIBRATION_FLAT_LOOKBACK_STEPS = "calibration.flat.lookback.steps";
    public static final String CALIBRATION_FLAT_THRESHOLD = "calibration.flat.threshold";
    public static final String CALIBRATION_ACTIVITY_CLASSES = "calibration.activity.classes";
    public static final String CALIBRATION_DIRECTION_SPLIT = "calibration.direction.split";
    public static final String CALIBRATION_BASELINE_STANDBY = "calibration.baseline.standby";

    public static final String CYCLE_GRACE_MS = "cycle.grace.ms";
    public static final String JOB_DEADLINE_MS = "job.deadline.ms";
    public static final String DRAIN_INTERVAL_MS = "drain.interval.ms";
    public static final String CYCLE_SLICE_MARKETS = "cycle.slice.markets";
    public static final String MAX_FUTURE_SKEW_MS = "tick.max.future.skew.ms";

    public static final String TOPICS_CREATE_MISSING = "topics.create.missing";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";

    public static final String OPS_PORT = "ops.port";
    public static final String OPS_BIND = "ops.bind";
    public static final String OPS_ADVERTISED_HOST = "ops.advertised.host";
    public static final String OPS_HTTP_THREADS = "ops.http.threads";
    public static final String OPS_HTTP_IDLE_TIMEOUT_MS = "ops.http.idle.timeout.ms";
    public static final String OPS_HTTP_MAX_REQUEST_BYTES = "ops.http.max.request.bytes";
    public static final String OPS_HTTP_MAX_HEADER_BYTES = "ops.http.max.header.bytes";
    public static final String ROLLOUT_STAGE = "rollout.stage";
    public static final String ROLLOUT_CANDIDATE_MODEL = "rollout.candidate.model";
    public static final String ROLLOUT_CANDIDATE_URL = "rollout.candidate.url";
    public static final String ROLLOUT_INCUMBENT = "rollout.incumbent";
    public static final String ROLLOUT_BASELINE_SEGMENTS = "rollout.baseline.segments";
    public static final String ROLLOUT_SHADOW_OUTSIDE_SHARE = "rollout.shadow.outside.share";
    public static final String ROLLOUT_SHADOW_MATCH_DISTANCE = "rollout.shadow.match.distance";
    public static final String TOPIC_SHADOW_FORECASTS = "topic.shadow.forecasts";

    public static final String TOPICS_CREATED_RETENTION_MS = "topics.created.retention.ms";
    public static final String STEPS_CHANGELOG_RETENTION_MS = "steps.changelog.retention.ms";
    public static final String CYCLE_WINDOW_START_MS = "cycle.window.start.ms";
    public static final String CYCLE_WINDOW_END_MS = "cycle.window.end.ms";

    public static final String API_TOKENS = "api.tokens";
    public static final String API_TOKENS_FILE = "api.tokens.file";
    public static final String API_RATE_LIMIT_PER_MINUTE = "api.rate.limit.per.minute";

    /** Environment variables that override settings start with this prefix (TSFM_BOOTSTRAP_SERVERS). */
    public static final String ENV_PREFIX = "TSFM_";
}
