package io.tsfm.streams.domain;

/**
 * The {@code route_selected} and {@code route_reason} vocabulary, beside {@link FallbackReasons}: a baseline
 * forecast's {@code route_reason} is its gate's fallback reason, or one of these for a routing decision.
 * Dashboards and the {@code tsfm_route_selected_total{route_selected,route_reason}} counter match on these
 * strings, so they are a contract: add new ones, never rename.
 */
public final class RouteReasons {
    private RouteReasons() {}

    public static final String SELECTED_TSFM = "tsfm";
    public static final String SELECTED_BASELINE = "baseline";

    /** No candidate is configured: the current model serves everyone. */
    public static final String NO_ROLLOUT = "no_rollout";
    /** Stage full_100: the candidate serves everyone. */
    public static final String FULL_ROLLOUT = "full_rollout";
    /** Stage shadow: the candidate serves no one. */
    public static final String SHADOW_STAGE = "shadow_stage";
    /** A canary stage, and the market's bucket is inside the share. */
    public static final String CANARY_SHARE = "canary_share";
    /** A canary stage, and the market's bucket is outside the share. */
    public static final String OUTSIDE_CANARY_SHARE = "outside_canary_share";
    /** Prefix of a segment rule's reason: {@code segment_rule:liquidity_bucket=low}. */
    public static final String SEGMENT_RULE_PREFIX = "segment_rule:";
    /** The route reason on a shadow forecast (the candidate's answer, never served). */
    public static final String SHADOW = "shadow";
    /** A forecast made outside any routing (the on-demand API, tests): the model by default. */
    public static final String DEFAULT = "default";

    /** The reason of a segment rule that sends a market to the baseline, e.g. {@code liquidity_bucket=low}. */
    public static String forSegmentRule(final String rule) {
        return SEGMENT_RULE_PREFIX + rule;
    }
}
