package io.tsfm.streams.rollout;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code rollout.stage} values and the share of markets each one serves with the candidate model, in
 * basis points of the 10,000 hash buckets: the shares only grow from one stage to the next, so moving
 * forward only adds markets to the candidate.
 */
public enum RolloutStage {
    /** The candidate serves no one; it may be called in shadow. */
    SHADOW("shadow", 0),
    CANARY_5("canary_5", 500),
    CANARY_25("canary_25", 2_500),
    /** The candidate serves every market (the default: a deployment without a rollout in progress). */
    FULL_100("full_100", CanaryShare.BUCKETS);

    /** The stage when {@code rollout.stage} is not set. */
    public static final RolloutStage DEFAULT = FULL_100;

    private final String id;
    private final int shareBuckets;

    RolloutStage(final String id, final int shareBuckets) {
        this.id = id;
        this.shareBuckets = shareBuckets;
    }

    /** The configuration value and the {@code rollout_stage} label / meta value. */
    public String id() {
        return id;
    }

    /** How many of the {@link CanaryShare#BUCKETS} buckets the candidate serves (basis points of markets). */
    public int shareBuckets() {
        return shareBuckets;
    }

    /** The share as a fraction in [0, 1]. */
    public double share() {
        return (double) shareBuckets / CanaryShare.BUCKETS;
    }

    /** The canary-gate stage with the same name; shadow has none (the gate judges served traffic). */
    public Optional<Stage> gateStage() {
        return this == SHADOW ? Optional.empty() : Optional.of(Stage.fromId(id));
    }

    /** Parses {@code shadow}, {@code canary_5}, {@code canary_25} or {@code full_100} (exact, lower case). */
    public static RolloutStage fromId(final String id) {
        for (final RolloutStage stage : values()) {
            if (stage.id.equals(id)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(String.format(
                Locale.ROOT,
                "unknown rollout stage '%s' (expected one of: %s)",
                id,
                Arrays.stream(values()).map(RolloutStage::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
