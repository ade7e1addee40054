package io.tsfm.streams.forecaster.model;

import java.util.Arrays;

/**
 * tollama's {@code mock} model, reproduced exactly: the last value repeated for every step, every
 * quantile the same flat path, and {@code start_timestamp} = the last input timestamp.
 */
public final class MockModel implements LocalModel {

    public static final String NAME = "mock";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "mock";
    }

    @Override
    public String runner() {
        return "tollama-mock";
    }

    @Override
    public String description() {
        return "tollama's mock: repeats the last value, flat quantiles";
    }

    @Override
    public SeriesForecast forecast(final ModelInput input) {
        final double[] flat = new double[input.horizon()];
        Arrays.fill(flat, input.lastValue());
        final double[][] quantiles = new double[input.levels().length][];
        for (int i = 0; i < quantiles.length; i++) {
            quantiles[i] = flat;
        }
        return new SeriesForecast(input.lastTimestamp(), flat, quantiles);
    }
}
