package io.tsfm.streams.metrics;

/**
 * The meters' names (Micrometer's dotted form; Prometheus shows {@code tsfm_forecasts_total} for
 * {@code tsfm.forecasts}). Alert rules and dashboards match on them: a contract, add new ones, never rename.
 */
public final class MetricNames {
    private MetricNames() {}

    public static final String FORECASTS = "tsfm.forecasts";
    public static final String FALLBACK = "tsfm.fallback";
    public static final String REQUEST = "tsfm.request";
    public static final String REQUEST_DURATION = "tsfm.request.duration";
    public static final String INVALID_PAYLOAD = "tsfm.invalid.payload";
    public static final String INVALID_OUTPUT = "tsfm.invalid.output";
    public static final String QUANTILE_CROSSING = "tsfm.quantile.crossing";
    public static final String INTERVAL_WIDTH = "tsfm.interval.width";
    public static final String CYCLE_DURATION = "tsfm.cycle.duration";
    public static final String CYCLES = "tsfm.cycles";
    public static final String EMIT_DELAY = "tsfm.forecast.emit.delay";
    public static final String CYCLE_LAG = "tsfm.cycle.lag";
    public static final String PENDING_JOBS = "tsfm.pending.jobs";
    public static final String CYCLES_RUNNING = "tsfm.cycles.running";
    public static final String INFLIGHT = "tsfm.inflight.requests";
    public static final String BATCH_SIZE = "tsfm.batch.size";
    public static final String DLQ = "tsfm.dlq";
    public static final String TICKS = "tsfm.ticks";
    public static final String TICKS_COMMITTED = "tsfm.ticks.committed";
    public static final String DLQ_COMMITTED = "tsfm.dlq.committed";
    public static final String FORECASTS_COMMITTED = "tsfm.forecasts.committed";
    public static final String BREAKER_OPEN = "tsfm.breaker.open";
    public static final String BREAKER_TRANSITIONS = "tsfm.breaker.transitions";
    public static final String MODEL_LICENCE_STATE = "tsfm.model.licence.state";
    public static final String LATE_ANSWERS = "tsfm.late.answers";
    public static final String STREAM_THREAD_FAILURES = "tsfm.stream.thread.failures";
    public static final String FORECASTS_SCORED = "tsfm.forecasts.scored";
    public static final String SCORE_STEPS = "tsfm.score.steps";
    public static final String SCORE_PINBALL = "tsfm.score.pinball";
    public static final String SCORE_WIDTH = "tsfm.score.width";
    public static final String CALIBRATION_SCALE = "tsfm.calibration.scale";
    public static final String ROUTE_SELECTED = "tsfm.route.selected";
    public static final String SHADOW_FORECASTS = "tsfm.shadow.forecasts";
    public static final String SHADOW_COMPARISONS = "tsfm.shadow.comparisons";
    public static final String SHADOW_LATENCY = "tsfm.shadow.latency";
    public static final String INPUT_PSI = "tsfm.input.psi";
}
