package io.tsfm.streams.rollout;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The rollout stages of the seed runbook (its canary runbook): the gate's fallback-rate limit and the clean
 * window the runbook asks operators to observe before running the gate.
 */
public enum Stage {
    CANARY_5("canary_5", 0.08, Duration.ofMinutes(30), "gate:fallback_rate>8pct_for_canary_5"),
    CANARY_25("canary_25", 0.10, Duration.ofMinutes(60), "gate:fallback_rate>10pct_for_canary_25"),
    FULL_100("full_100", 0.10, Duration.ofHours(24), "gate:fallback_rate>10pct_for_full_100");

    private final String id;
    private final double fallbackGateLimit;
    private final Duration cleanDuration;
    private final String fallbackGateReason;

    Stage(
            final String id,
            final double fallbackGateLimit,
            final Duration cleanDuration,
            final String fallbackGateReason) {
        this.id = id;
        this.fallbackGateLimit = fallbackGateLimit;
        this.cleanDuration = cleanDuration;
        this.fallbackGateReason = fallbackGateReason;
    }

    /** The name used on the command line, in the output and in the {@code rollout_stage} label. */
    public String id() {
        return id;
    }

    /** The gate fails when any window's fallback_rate is strictly above this. */
    public double fallbackGateLimit() {
        return fallbackGateLimit;
    }

    /** How long the runbook observes this stage before the gate decision (30 min, 60 min, 24 h). */
    public Duration cleanDuration() {
        return cleanDuration;
    }

    /** The seed's gate-fail reason for this stage's fallback limit. */
    public String fallbackGateReason() {
        return fallbackGateReason;
    }

    /** Parses {@code canary_5}, {@code canary_25} or {@code full_100} (exact, lower case). */
    public static Stage fromId(final String id) {
        for (final Stage stage : values()) {
            if (stage.id.equals(id)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(String.format(
                Locale.ROOT,
                "unknown stage '%s' (expected one of: %s)",
                id,
                Arrays.stream(values()).map(Stage::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
