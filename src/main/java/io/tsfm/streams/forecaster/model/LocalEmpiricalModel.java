package io.tsfm.streams.forecaster.model;

import io.tsfm.streams.baseline.EmpiricalMoves;
import java.util.Map;

/**
 * The local statistical model {@code local-empirical}, the forecaster's default: {@link EmpiricalMoves} on the
 * series as sent (the logit of the probabilities, from the stream): the last value as median, the series'
 * own h-step moves as band, observation cadence respected. What real prediction markets need from a
 * stand-in model; the app's default baseline runs the same algorithm.
 */
public final class LocalEmpiricalModel implements LocalModel {

    public static final String NAME = "local-empirical";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "empirical";
    }

    @Override
    public String runner() {
        return "tsfm-local-empirical";
    }

    @Override
    public String description() {
        return "last value as median, quantiles of the series' own h-step moves as band";
    }

    @Override
    public SeriesForecast forecast(final ModelInput input) {
        final double[][] quantiles = EmpiricalMoves.forecast(input.target(), input.horizon(), input.levels());
        final double[] mean = new double[input.horizon()];
        java.util.Arrays.fill(mean, input.lastValue());
        return new SeriesForecast(input.nextTimestamp(), mean, quantiles);
    }

    @Override
    public Map<String, Object> usage(final int seriesCount, final int horizon) {
        final Map<String, Object> usage = LocalModel.super.usage(seriesCount, horizon);
        usage.put("device", "cpu");
        return usage;
    }
}
