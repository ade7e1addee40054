package io.tsfm.streams.forecast;

/**
 * The fallback reason vocabulary, in gate order. Alert pipelines and dashboards match on these strings,
 * so they are a contract: add new ones, never rename.
 */
public final class FallbackReasons {
    private FallbackReasons() {
    }

    public static final String TOO_FEW_POINTS = "too_few_points";
    public static final String BASELINE_ONLY_LIQUIDITY_BUCKET = "baseline_only_liquidity_bucket";
    public static final String MAX_GAP_EXCEEDED = "max_gap_exceeded";
    public static final String ROUTE_POLICY_BASELINE = "route_policy_baseline";
    public static final String CIRCUIT_BREAKER_OPEN = "circuit_breaker_open";
    public static final String DEADLINE_EXCEEDED = "deadline_exceeded";
    /** Prefix of model failures: {@code tollama_error:timeout}, {@code tollama_error:http_503}, ... */
    public static final String TOLLAMA_ERROR_PREFIX = "tollama_error:";

    /** Reason for a failed model call of the given kind (the breaker's refusal keeps its own reason). */
    /** Whether a reason is one of the input gates (too few points, liquidity bucket, gap), checked before routing. */
    public static boolean isInputGate(final String reason) {
        return TOO_FEW_POINTS.equals(reason) || BASELINE_ONLY_LIQUIDITY_BUCKET.equals(reason)
                || MAX_GAP_EXCEEDED.equals(reason);
    }

    public static String forModelFailure(final String kind) {
        return CIRCUIT_BREAKER_OPEN.equals(kind) ? CIRCUIT_BREAKER_OPEN : TOLLAMA_ERROR_PREFIX + kind;
    }

    /** Reason for one series whose payload failed validation. */
    public static String forInvalidSeries(final String why) {
        return TOLLAMA_ERROR_PREFIX + "invalid_payload:" + why;
    }
}
