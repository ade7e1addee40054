package io.tsfm.streams.domain;

import java.util.Map;

/**
 * One record of the forecasts topic: the seed runner's response shape, keyed by market id, one per
 * (market, as_of). {@code yhat_q} maps "0.1"/"0.5"/"0.9" to the horizon's probabilities.
 */
public record ForecastRecord(
        int schemaVersion,
        String marketId,
        String asOfTs,
        String freq,
        int horizonSteps,
        double[] quantiles,
        Map<String, double[]> yhatQ,
        ForecastMeta meta) {
    public static final int SCHEMA_VERSION = 1;

    /** The median (the 0.5 level, else the middle level) at the last horizon step. */
    public double lastMedian() {
        final double[] median = yhatQ.get("0.5");
        final double[] path = median != null ? median : yhatQ.get(QuantileKeys.key(quantiles[quantiles.length / 2]));
        return path[path.length - 1];
    }
}
