package io.tsfm.streams.rollout;

import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.GateDecision;

/**
 * The router's decision for one market: who serves it, why, at which stage, and whether the candidate is
 * also called in shadow (its answer is recorded, never served).
 *
 * @param target the server: candidate, current model or baseline
 * @param model  the model to call, or null when the baseline serves
 * @param reason the {@code route_reason} (see {@link RouteReasons})
 * @param stage  the rollout stage the decision was made at
 * @param shadow the candidate to call in shadow, or null for none
 */
public record Route(RouteTarget target, ModelRef model, String reason, RolloutStage stage, ModelRef shadow) {

    public Route {
        if (target == null || reason == null || stage == null) {
            throw new IllegalArgumentException("route target, reason and stage are required");
        }
        if ((target == RouteTarget.BASELINE) != (model == null)) {
            throw new IllegalArgumentException("a model route names its model, a baseline route none: " + target);
        }
    }

    /** "tsfm" or "baseline". */
    public String routeSelected() {
        return target.routeSelected();
    }

    public boolean baseline() {
        return target == RouteTarget.BASELINE;
    }

    public boolean shadowCall() {
        return shadow != null;
    }

    /**
     * This route as a fallback gate, for its place in the gate order between {@code max_gap_exceeded} and
     * {@code circuit_breaker_open}: {@code route_policy_baseline} with the route reason as detail when the
     * baseline serves, else "ask the model".
     */
    public GateDecision gateDecision() {
        return baseline() ? new GateDecision(FallbackReasons.ROUTE_POLICY_BASELINE, reason) : GateDecision.MODEL;
    }
}
