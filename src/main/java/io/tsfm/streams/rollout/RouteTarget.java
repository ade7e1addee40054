package io.tsfm.streams.rollout;

import io.tsfm.streams.domain.RouteReasons;

/** Who serves a market's forecast under the rollout: the candidate model, the current model or the baseline. */
public enum RouteTarget {
    CANDIDATE,
    CURRENT_MODEL,
    BASELINE;

    /** The {@code route_selected} meta and label value: "baseline" for the baseline, else "tsfm". */
    public String routeSelected() {
        return this == BASELINE ? RouteReasons.SELECTED_BASELINE : RouteReasons.SELECTED_TSFM;
    }
}
