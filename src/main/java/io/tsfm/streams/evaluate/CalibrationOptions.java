package io.tsfm.streams.evaluate;

import io.tsfm.streams.simulate.SimulationSpec;
import java.time.Duration;
import java.util.List;

/**
 * What the calibration evaluation runs: simulator seeds, markets per seed, days of event time per seed
 * (the first {@code warmUpDays} only teach the calibrators and are left out of the tables), and the
 * stride over 5-minute boundaries at which forecasts are made. Every span starts at
 * {@link EvaluationOptions#START}, so the same options always give the same figures.
 *
 * @param seeds      simulator seeds, one independent run (and one calibrator set) each
 * @param markets    markets per run
 * @param days       simulated days per run, warm-up included
 * @param warmUpDays leading days whose forecasts are scored and learnt from but not reported
 * @param every      forecast at every k-th boundary (1 = every 5 minutes, as the stream does)
 */
public record CalibrationOptions(List<Long> seeds, int markets, double days, double warmUpDays, int every) {

    public static final List<Long> DEFAULT_SEEDS = List.of(1L, 2L, 3L);
    public static final int DEFAULT_MARKETS = 50;
    public static final double DEFAULT_DAYS = 4;
    public static final double DEFAULT_WARM_UP_DAYS = 1;
    public static final int DEFAULT_EVERY = 1;

    private static final double DAY_MS = 86_400_000.0;

    public CalibrationOptions {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed");
        }
        if (markets < 1 || markets > SimulationSpec.MAX_MARKETS) {
            throw new IllegalArgumentException("markets must be in [1, " + SimulationSpec.MAX_MARKETS + "]: " + markets);
        }
        if (!(days > 0 && days <= 365)) {
            throw new IllegalArgumentException("days must be in (0, 365]: " + days);
        }
        if (!(warmUpDays >= 0 && warmUpDays < days)) {
            throw new IllegalArgumentException("warm-up days must be in [0, days): " + warmUpDays);
        }
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1: " + every);
        }
    }

    public static CalibrationOptions defaults() {
        return new CalibrationOptions(DEFAULT_SEEDS, DEFAULT_MARKETS, DEFAULT_DAYS, DEFAULT_WARM_UP_DAYS, DEFAULT_EVERY);
    }

    /** The simulation of one seed. */
    public SimulationSpec spec(final long seed) {
        return new SimulationSpec(seed, markets, EvaluationOptions.START,
                EvaluationOptions.START.plus(Duration.ofMillis(Math.round(days * DAY_MS))));
    }

    /** Length of the warm-up in milliseconds. */
    public long warmUpMs() {
        return Math.round(warmUpDays * DAY_MS);
    }
}
