package io.tsfm.streams.rollout;

/**
 * The rollout configuration the router decides from, already parsed: stage, candidate, what serves the
 * markets the candidate does not (the current model, or the baseline on the first rollout of a model
 * over the baseline), the segments kept on the baseline, and whether canary stages shadow-call the
 * candidate for the markets outside the share.
 *
 * @param stage              {@code rollout.stage}
 * @param candidate          {@code rollout.candidate.model} (and {@code .url}), or null when no rollout is in progress
 * @param current            {@code tollama.model}, or null when the baseline is the incumbent
 * @param baselineSegments   segments sent to the baseline whatever the stage
 * @param shadowOutsideShare canary stages also call the candidate in shadow for markets outside the share
 */
public record RolloutPolicy(
        RolloutStage stage,
        ModelRef candidate,
        ModelRef current,
        SegmentRules baselineSegments,
        boolean shadowOutsideShare) {

    public RolloutPolicy {
        if (stage == null) {
            stage = RolloutStage.DEFAULT;
        }
        if (baselineSegments == null) {
            baselineSegments = SegmentRules.NONE;
        }
        if (candidate == null && current == null) {
            throw new IllegalArgumentException("a rollout needs a candidate model or a current model");
        }
    }

    /** No rollout in progress: the current model serves every market outside the baseline segments. */
    public static RolloutPolicy noRollout(final ModelRef current, final SegmentRules baselineSegments) {
        return new RolloutPolicy(RolloutStage.DEFAULT, null, current, baselineSegments, false);
    }

    public boolean rolloutInProgress() {
        return candidate != null;
    }

    /** True on the first rollout of a model: the markets the candidate does not serve get the baseline. */
    public boolean overBaseline() {
        return current == null;
    }
}
