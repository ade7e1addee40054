package io.tsfm.streams.domain;

/**
 * The fallback reason vocabulary, in gate order. Alert pipelines and dashboards match on these strings,
 * so they are a contract: add new ones, never rename.
 */
public final class FallbackReasons {
    private FallbackReasons() {}

    public static final String TOO_FEW_POINTS = "too_few_points";
    public static final String BASELINE_ONLY_LIQUIDITY_BUCKET = "baseline_only_liquidity_bucket";
    public static final String MAX_GAP_EXCEEDED = "max_gap_exceeded";
    public static final String ROUTE_POLICY_BASELINE = "route_policy_baseline";
    /** The model server could not be asked for the model's licence yet (it is read again in the background). */
    public static final String MODEL_LICENCE_UNVERIFIED = "model_licence_unverified";
    /** The model's licence, read after start-up, is not allowed. */
    public static final String MODEL_LICENCE_REFUSED = "model_licence_refused";

    public static final String CIRCUIT_BREAKER_OPEN = "circuit_breaker_open";
    public static final String DEADLINE_EXCEEDED = "deadline_exceeded";
    /** Prefix of model failures: {@code tollama_error:timeout}, {@code tollama_error:http_503}, ... */
    public static final String TOLLAMA_ERROR_PREFIX = "tollama_error:";

    /** Whether a reason is one of the input gates (too few points, liquidity bucket, gap), checked before routing. */
    public static boolean isInputGate(final String reason) {
        return TOO_FEW_POINTS.equals(reason)
                || BASELINE_ONLY_LIQUIDITY_BUCKET.equals(reason)
                || MAX_GAP_EXCEEDED.equals(reason);
    }

    /** Whether a reason says the model could not be called (licence or breaker), checked after routing. */
    public static boolean isModelGate(final String reason) {
        return MODEL_LICENCE_UNVERIFIED.equals(reason)
                || MODEL_LICENCE_REFUSED.equals(reason)
                || CIRCUIT_BREAKER_OPEN.equals(reason);
    }

    /** Reason for a failed model call of the given kind (the breaker's refusal keeps its own reason). */
    public static String forModelFailure(final String kind) {
        return CIRCUIT_BREAKER_OPEN.equals(kind) ? CIRCUIT_BREAKER_OPEN : TOLLAMA_ERROR_PREFIX + kind;
    }

    /** Why a series of a model answer failed validation: the last part of {@link #forInvalidSeries}. */
    public static final String INVALID_QUANTILE_SET_MISMATCH = "quantile_set_mismatch";

    public static final String INVALID_HORIZON_MISMATCH = "horizon_mismatch";
    public static final String INVALID_NON_FINITE_VALUE = "non_finite_value";
    public static final String INVALID_MISSING_SERIES = "missing_series";

    /** Reason for one series whose payload failed validation. */
    public static String forInvalidSeries(final String why) {
        return TOLLAMA_ERROR_PREFIX + "invalid_payload:" + why;
    }
}
