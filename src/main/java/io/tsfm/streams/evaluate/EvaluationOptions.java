package io.tsfm.streams.evaluate;

import io.tsfm.streams.simulate.SimulationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What to evaluate: simulator seeds, markets per seed, simulated hours and the stride over 5-minute
 * boundaries. The span starts at a fixed instant, so the same options always give the same figures.
 *
 * @param seeds   simulator seeds, one run each
 * @param markets markets per run
 * @param hours   simulated hours per run
 * @param every   evaluate every k-th boundary (1 = all)
 */
public record EvaluationOptions(List<Long> seeds, int markets, double hours, int every) {

    /** Start of every simulated span (a Monday, on the grid). */
    public static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L, 3L);
    public static final int DEFAULT_MARKETS = 50;
    public static final double DEFAULT_HOURS = 72;
    public static final int DEFAULT_EVERY = 3;

    public EvaluationOptions {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed");
        }
        if (markets < 1 || markets > SimulationSpec.MAX_MARKETS) {
            throw new IllegalArgumentException("markets must be in [1, " + SimulationSpec.MAX_MARKETS + "]: " + markets);
        }
        if (!(hours > 0 && hours <= 24 * 365)) {
            throw new IllegalArgumentException("hours must be in (0, 8760]: " + hours);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
    }

    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_SEEDS, DEFAULT_MARKETS, DEFAULT_HOURS, DEFAULT_EVERY);
    }

    /** The simulation of one seed. */
    public SimulationSpec spec(final long seed) {
        return new SimulationSpec(seed, markets, START, START.plus(Duration.ofMillis(Math.round(hours * 3_600_000.0))));
    }
}
