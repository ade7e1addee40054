package io.tsfm.streams.evaluate;

import io.tsfm.streams.baseline.EwmaBaseline;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.forecast.QuantilePaths;
import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.SeriesForecast;

/**
 * A forecaster's band BEFORE post-processing, in probability space: what the stream calibrates and what
 * every calibrator's error is measured against. Post-processing it ({@code QuantileSanitizer}) gives
 * exactly what {@link Candidates} publishes, i.e. the uncalibrated served forecast.
 */
public interface BaseForecaster {

    /** The name in the results table (the same as the {@link Candidates} name). */
    String name();

    /** Quantile paths {@code [level][step]} in probability space, not yet clipped, sorted or width-bounded. */
    QuantilePaths base(MarketContext context);

    /** A local model behind the model route: transform forward, model, transform back (as ForecastFactory). */
    static BaseForecaster model(final String name, final LocalModel model, final ForecastSettings settings) {
        return new BaseForecaster() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public QuantilePaths base(final MarketContext context) {
                final SeriesForecast fc = Candidates.modelSpace(model, settings, context);
                final double[][] paths = fc.quantiles();
                for (final double[] path : paths) {
                    for (int k = 0; k < path.length; k++) {
                        path[k] = settings.transform().inverse(path[k]);
                    }
                }
                return new QuantilePaths(settings.levels(), paths);
            }
        };
    }

    /** The EWMA baseline with the factory's settings (alpha, input length, transform). */
    static BaseForecaster ewma(final ForecastSettings settings) {
        final EwmaBaseline baseline = new EwmaBaseline(settings.ewmaAlpha(), settings.inputLen(), settings.transform());
        return new BaseForecaster() {
            @Override
            public String name() {
                return Candidates.EWMA;
            }

            @Override
            public QuantilePaths base(final MarketContext context) {
                return baseline.forecast(context.values(), settings.levels(), settings.horizon());
            }
        };
    }
}
