package io.tsfm.streams.topology;

/**
 * Every node, store and internal-topic name of the topology. Store names (and the changelog topics
 * derived from them by Kafka Streams) are a compatibility contract with existing state: never rename.
 */
public final class Names {
    private Names() {}

    // stores
    public static final String STEP_CLOSES_STORE = "step-closes";
    public static final String MARKET_STATE_STORE = "market-state";
    public static final String PENDING_STORE = "pending-forecasts";
    public static final String CYCLE_STATE_STORE = "cycle-state";
    /** Queryable: the latest forecast of each market (GET /markets/{id}/forecast). */
    public static final String LATEST_FORECAST_STORE = "latest-forecast";
    /** Served forecasts waiting for their horizon to be realised and scored. */
    public static final String OPEN_FORECASTS_STORE = "open-forecasts";
    /** Online calibrator state per segment and horizon step. */
    public static final String CALIBRATION_STORE = "calibration";
    /** Input drift (PSI) trackers per liquidity segment. */
    public static final String INPUT_DRIFT_STORE = "input-drift";
    /** Ticks that came while the task's cycle work was unfinished, applied in arrival order after it. */
    public static final String HELD_TICKS_STORE = "held-ticks";
    /** In memory, no changelog: a task's counts of written records until it commits (committed counters). */
    public static final String COMMIT_LEDGER_STORE = "commit-ledger";

    // nodes
    public static final String TICKS_SOURCE = "ticks-source";
    public static final String VALIDATE_TICKS = "validate-ticks";
    public static final String TICK_BRANCH = "tick-";
    public static final String BRANCH_INVALID = "invalid";
    public static final String BRANCH_REKEY = "rekey";
    public static final String BRANCH_VALID = "valid";
    public static final String TO_DLQ_RECORD = "to-dlq-record";
    public static final String DLQ_SINK = "dlq-sink";
    public static final String UNWRAP_REKEY = "unwrap-rekey";
    /** Internal topic {@code <application.id>-ticks-rekeyed-repartition}: ticks sent without a key. */
    public static final String REKEY_REPARTITION = "ticks-rekeyed";

    public static final String UNWRAP_VALID = "unwrap-valid";
    public static final String MERGE_TICKS = "merge-ticks";
    public static final String FORECAST = "forecast";
    public static final String EMISSION_BRANCH = "emission-";
    public static final String BRANCH_FORECASTS = "forecasts";
    public static final String BRANCH_FALLBACKS = "fallbacks";
    public static final String BRANCH_SCORES = "scores";
    public static final String BRANCH_SHADOW = "shadow";
    public static final String UNWRAP_FORECAST = "unwrap-forecast";
    public static final String UNWRAP_FALLBACK = "unwrap-fallback";
    public static final String UNWRAP_SCORE = "unwrap-score";
    public static final String UNWRAP_SHADOW = "unwrap-shadow";
    public static final String FORECASTS_SINK = "forecasts-sink";
    public static final String FALLBACKS_SINK = "fallbacks-sink";
    public static final String SCORES_SINK = "scores-sink";
    public static final String SHADOW_SINK = "shadow-forecasts-sink";
}
