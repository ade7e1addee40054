package io.tsfm.streams.cycle;

import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.GateDecision;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.rollout.Route;
import java.util.Set;

/**
 * The gates checked before a model call, in the seed's order; the first match wins and is the reason
 * on record: too_few_points, baseline_only_liquidity_bucket, max_gap_exceeded, route_policy_baseline,
 * then whatever keeps the model from being called: model_licence_unverified, model_licence_refused,
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
        return evaluate(context, null, breakerOpen ? ModelAvailability.BREAKER_OPEN : ModelAvailability.CALLABLE);
    }

    public GateDecision evaluate(final MarketContext context, final ModelAvailability model) {
        return evaluate(context, null, model);
    }

    /**
     * The gate decision for a market: the model, or the baseline with the reason.
     *
     * @param route the market's rollout route (null: none); a route to the baseline is the
     *              {@code route_policy_baseline} gate, between {@code max_gap_exceeded} and the model's gates
     * @param model whether the route's model may be called (licence, breaker)
     */
    public GateDecision evaluate(final MarketContext context, final Route route, final ModelAvailability model) {
        if (context.length() < minPoints) {
            return new GateDecision(FallbackReasons.TOO_FEW_POINTS, context.length() + " steps < " + minPoints);
        }
        if (context.liquidityBucket() != null && baselineOnlyBuckets.contains(context.liquidityBucket())) {
            return new GateDecision(
                    FallbackReasons.BASELINE_ONLY_LIQUIDITY_BUCKET, "liquidity_bucket=" + context.liquidityBucket());
        }
        if (context.maxGapMs() > maxGapMs) {
            return new GateDecision(
                    FallbackReasons.MAX_GAP_EXCEEDED,
                    "gap of " + minutes(context.maxGapMs()) + " min in the context > " + minutes(maxGapMs) + " min");
        }
        if (context.sinceLastTickMs() > maxGapMs) {
            return new GateDecision(
                    FallbackReasons.MAX_GAP_EXCEEDED,
                    minutes(context.sinceLastTickMs()) + " min since the last tick > " + minutes(maxGapMs) + " min");
        }
        if (route != null && route.baseline()) {
            return route.gateDecision();
        }
        return switch (model) {
            case CALLABLE -> GateDecision.MODEL;
            case LICENCE_UNVERIFIED ->
                new GateDecision(FallbackReasons.MODEL_LICENCE_UNVERIFIED, "the model's licence could not be read yet");
            case LICENCE_REFUSED ->
                new GateDecision(FallbackReasons.MODEL_LICENCE_REFUSED, "the model's licence is not allowed");
            case BREAKER_OPEN -> new GateDecision(FallbackReasons.CIRCUIT_BREAKER_OPEN, "circuit breaker is open");
        };
    }

    /** Whole minutes as "64", others with one decimal, rounded down ("64.8"), so 60.5 never reads as "60". */
    static String minutes(final long ms) {
        if (ms % 60_000 == 0) {
            return Long.toString(ms / 60_000);
        }
        return Long.toString(ms / 60_000) + "." + (ms % 60_000) / 6_000;
    }
}
