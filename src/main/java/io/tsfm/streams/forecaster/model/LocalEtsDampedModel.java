package io.tsfm.streams.forecaster.model;

import java.util.Map;

/**
 * The local statistical model {@code local-ets-damped}: damped-trend exponential smoothing with an
 * empirical error band ({@link DampedTrendEts}), so demos and benchmarks see real, non-flat forecasts.
 */
public final class LocalEtsDampedModel implements LocalModel {

    public static final String NAME = "local-ets-damped";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String family() {
        return "ets";
    }

    @Override
    public String runner() {
        return "tsfm-local-ets";
    }

    @Override
    public String description() {
        return "damped-trend exponential smoothing with empirical k-step error quantiles";
    }

    @Override
    public SeriesForecast forecast(final ModelInput input) {
        final DampedTrendEts.Forecast fc = DampedTrendEts.forecast(input.target(), input.horizon(), input.levels());
        return new SeriesForecast(input.nextTimestamp(), fc.mean(), fc.quantiles());
    }

    @Override
    public Map<String, Object> usage(final int seriesCount, final int horizon) {
        final Map<String, Object> usage = LocalModel.super.usage(seriesCount, horizon);
        usage.put("device", "cpu");
        return usage;
    }
}
