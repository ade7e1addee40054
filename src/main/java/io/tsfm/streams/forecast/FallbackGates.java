package io.tsfm.streams.forecast;

import io.tsfm.streams.rollout.Route;

import io.tsfm.streams.context.MarketContext;
import java.util.Set;

/**
 * The gates checked before a model call, in the seed's order; the first match wins and is the reason
 * on record: too_few_points, baseline_only_liquidity_bucket, max_gap_exceeded, route_policy_baseline,
 * circuit_breaker_open.
 */
public final class FallbackGates {
    private final int minPoints;
    private final Set<String> baselineOnlyBuckets;
    private final long maxGapMs;

    public FallbackGates(final int minPoints, final Set<String> baselineOnlyBuckets, final long maxGapMs) {
        this.minPoints = minPoints;
        this.baselineOnlyBuckets = Set.copyOf(baselineOnlyBuckets);
        this.maxGapMs = maxGapMs;
    }

    public GateDecision evaluate(final MarketContext context, final boolean breakerOpen) {
        return evaluate(context, null, breakerOpen);
    }

    /**
     * @param route the market's rollout route (null: none); a route to the baseline is the
     *              {@code route_policy_baseline} gate, between {@code max_gap_exceeded} and the breaker
     */
    public GateDecision evaluate(final MarketContext context, final Route route, final boolean breakerOpen) {
        if (context.length() < minPoints) {
            return new GateDecision(FallbackReasons.TOO_FEW_POINTS,
                    context.length() + " steps < " + minPoints);
        }
        if (context.liquidityBucket() != null && baselineOnlyBuckets.contains(context.liquidityBucket())) {
            return new GateDecision(FallbackReasons.BASELINE_ONLY_LIQUIDITY_BUCKET,
                    "liquidity_bucket=" + context.liquidityBucket());
        }
        if (context.maxGapMs() > maxGapMs) {
            return new GateDecision(FallbackReasons.MAX_GAP_EXCEEDED,
                    "gap of " + minutes(context.maxGapMs()) + " min in the context > " + minutes(maxGapMs) + " min");
        }
        if (context.sinceLastTickMs() > maxGapMs) {
            return new GateDecision(FallbackReasons.MAX_GAP_EXCEEDED,
                    minutes(context.sinceLastTickMs()) + " min since the last tick > " + minutes(maxGapMs) + " min");
        }
        if (route != null && route.baseline()) {
            return route.gateDecision();
        }
        if (breakerOpen) {
            return new GateDecision(FallbackReasons.CIRCUIT_BREAKER_OPEN, "circuit breaker is open");
        }
        return GateDecision.MODEL;
    }

    /** Whole minutes as "64", others with one decimal, rounded down ("64.8"), so 60.5 never reads as "60". */
    static String minutes(final long ms) {
        if (ms % 60_000 == 0) {
            return Long.toString(ms / 60_000);
        }
        return Long.toString(ms / 60_000) + "." + (ms % 60_000) / 6_000;
    }
}
