package io.tsfm.streams.forecast;

import io.tsfm.streams.context.MarketContext;
import java.util.Set;

/**
 * The gates checked before a model call, in the seed's order; the first match wins and is the reason
 * on record: too_few_points, baseline_only_liquidity_bucket, max_gap_exceeded, circuit_breaker_open.
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
                    "gap of " + context.maxGapMs() / 60_000 + " min in the context > " + maxGapMs / 60_000 + " min");
        }
        if (context.sinceLastTickMs() > maxGapMs) {
            return new GateDecision(FallbackReasons.MAX_GAP_EXCEEDED,
                    context.sinceLastTickMs() / 60_000 + " min since the last tick > " + maxGapMs / 60_000 + " min");
        }
        if (breakerOpen) {
            return new GateDecision(FallbackReasons.CIRCUIT_BREAKER_OPEN, "circuit breaker is open");
        }
        return GateDecision.MODEL;
    }
}
