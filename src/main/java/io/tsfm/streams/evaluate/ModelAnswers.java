package io.tsfm.streams.evaluate;

import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelInput;
import io.tsfm.streams.forecaster.model.SeriesForecast;

/** A model asked in-process for one market's context, as the stream asks tollama over HTTP. */
public interface ModelAnswers {

    /** The model's name, as in forecast meta and calibrator keys. */
    String name();

    /** The answer in model (transform) space, one path per configured level. */
    QuantilePaths answer(MarketContext context);

    /**
     * A local model of the forecaster, given what the model client sends: the context mapped to model space
     * and written at float precision, with the grid's timestamps.
     */
    static ModelAnswers local(final LocalModel model, final ForecastSettings settings) {
        final GridTimestamps timestamps =
                new GridTimestamps(settings.step().toMillis(), settings.inputLen() + settings.lookbackSteps());
        return new ModelAnswers() {
            @Override
            public String name() {
                return model.name();
            }

            @Override
            public QuantilePaths answer(final MarketContext context) {
                final double[] values = context.values();
                final double[] target = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    // the client writes (float) v as JSON text; the forecaster reads that text as a double
                    target[i] = Double.parseDouble(
                            Float.toString((float) settings.transform().forward(values[i])));
                }
                final SeriesForecast fc = model.forecast(new ModelInput(
                        settings.freq(),
                        timestamps.endingAt(context.asOfMs(), values.length),
                        target,
                        settings.horizon(),
                        settings.levels()));
                return new QuantilePaths(settings.levels(), fc.quantiles());
            }
        };
    }
}
