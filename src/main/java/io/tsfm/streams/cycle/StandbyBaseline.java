package io.tsfm.streams.cycle;

import io.tsfm.streams.baseline.BaselineForecaster;
import io.tsfm.streams.domain.MarketContext;

/**
 * The baseline's band beside a served model forecast, kept so that the baseline's calibrators stay warm for
 * when the model is down ({@code calibration.baseline.standby}). A pure function of the context: the stream
 * computes it on the thread that receives the model's answer, off the stream thread, where it was a fifth of
 * that thread's cycle work.
 */
public final class StandbyBaseline {
    /** Null when the standby is off. */
    private final BaselineForecaster forecaster;

    private final double[] levels;
    private final int horizon;

    private StandbyBaseline(final BaselineForecaster forecaster, final double[] levels, final int horizon) {
        this.forecaster = forecaster;
        this.levels = levels;
        this.horizon = horizon;
    }

    public static StandbyBaseline of(final ForecastSettings settings) {
        return new StandbyBaseline(
                settings.calibration().baselineStandby()
                        ? BaselineForecaster.of(
                                settings.baselineMethod(),
                                settings.ewmaAlpha(),
                                settings.inputLen(),
                                settings.transform())
                        : null,
                settings.levels().clone(),
                settings.horizon());
    }

    public boolean enabled() {
        return forecaster != null;
    }

    /** The baseline whose calibrators the standby bands teach; only when {@link #enabled()}. */
    public String modelName() {
        return forecaster.modelName();
    }

    /** The band as {@code QuantilePaths.toArray()} lays it out; null when the standby is off. Thread-safe. */
    public double[][] band(final MarketContext context) {
        return forecaster == null
                ? null
                : forecaster.forecast(context.values(), levels, horizon).toArray();
    }
}
