package io.tsfm.streams.rollout;

import io.tsfm.streams.domain.RouteReasons;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides per market who serves its forecast during a model rollout. The decision depends only on the
 * policy, the market id and the market's liquidity bucket, never on time, order or instance, so every
 * instance, restart and replay routes a market the same way.
 *
 * <p>Decision table, first matching row wins ("incumbent" is the current model, or the baseline when
 * {@link RolloutPolicy#overBaseline()}; "share" is {@link CanaryShare#inCanary}):
 * <table>
 *   <caption>route decision</caption>
 *   <tr><th>#</th><th>condition</th><th>served by</th><th>route_selected</th><th>route_reason</th><th>shadow call</th></tr>
 *   <tr><td>1</td><td>a baseline segment rule matches</td><td>baseline</td><td>baseline</td>
 *       <td>{@code segment_rule:<key>=<value>}</td><td>no</td></tr>
 *   <tr><td>2</td><td>no candidate configured</td><td>current model</td><td>tsfm</td><td>{@code no_rollout}</td><td>no</td></tr>
 *   <tr><td>3</td><td>stage full_100</td><td>candidate</td><td>tsfm</td><td>{@code full_rollout}</td><td>no</td></tr>
 *   <tr><td>4</td><td>stage shadow</td><td>incumbent</td><td>tsfm / baseline</td><td>{@code shadow_stage}</td><td>yes</td></tr>
 *   <tr><td>5</td><td>canary stage, market in the share</td><td>candidate</td><td>tsfm</td><td>{@code canary_share}</td><td>no</td></tr>
 *   <tr><td>6</td><td>canary stage, market outside the share</td><td>incumbent</td><td>tsfm / baseline</td>
 *       <td>{@code outside_canary_share}</td><td>if {@code shadowOutsideShare}</td></tr>
 * </table>
 *
 * <p>When the baseline serves (rows 1, 4 and 6 over the baseline), the forecast's fallback reason is
 * {@code route_policy_baseline} (see {@link Route#gateDecision()}); that gate sits between
 * {@code max_gap_exceeded} and {@code circuit_breaker_open}, so earlier gates keep their reasons.
 */
public final class RolloutRouter {

    private final RolloutPolicy policy;

    public RolloutRouter(final RolloutPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public RolloutPolicy policy() {
        return policy;
    }

    /**
     * The route of a market: the current model, the candidate, or the baseline.
     *
     * @param marketId        the market id (the hash input)
     * @param liquidityBucket the market's liquidity bucket from its latest tick, or null when unknown
     */
    public Route route(final String marketId, final String liquidityBucket) {
        Objects.requireNonNull(marketId, "marketId");
        final RolloutStage stage = policy.stage();
        final Optional<SegmentRule> rule = policy.baselineSegments().firstMatch(marketId, liquidityBucket);
        if (rule.isPresent()) {
            return new Route(
                    RouteTarget.BASELINE,
                    null,
                    RouteReasons.forSegmentRule(rule.get().toString()),
                    stage,
                    null);
        }
        if (!policy.rolloutInProgress()) {
            return new Route(RouteTarget.CURRENT_MODEL, policy.current(), RouteReasons.NO_ROLLOUT, stage, null);
        }
        return switch (stage) {
            case FULL_100 -> candidate(RouteReasons.FULL_ROLLOUT);
            case SHADOW -> incumbent(RouteReasons.SHADOW_STAGE, true);
            case CANARY_5, CANARY_25 ->
                CanaryShare.inCanary(marketId, stage)
                        ? candidate(RouteReasons.CANARY_SHARE)
                        : incumbent(RouteReasons.OUTSIDE_CANARY_SHARE, policy.shadowOutsideShare());
        };
    }

    private Route candidate(final String reason) {
        return new Route(RouteTarget.CANDIDATE, policy.candidate(), reason, policy.stage(), null);
    }

    private Route incumbent(final String reason, final boolean shadowCall) {
        final ModelRef shadow = shadowCall ? policy.candidate() : null;
        if (policy.overBaseline()) {
            return new Route(RouteTarget.BASELINE, null, reason, policy.stage(), shadow);
        }
        return new Route(RouteTarget.CURRENT_MODEL, policy.current(), reason, policy.stage(), shadow);
    }
}
