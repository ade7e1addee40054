package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.forecast.ForecastFactory;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.forecaster.model.LocalEtsDampedModel;
import org.junit.jupiter.api.Test;

/** The calibration harness's uncalibrated band is exactly what the processor publishes today. */
class BaseForecasterTest {
    private final ForecastSettings settings = CalibrationEvaluation.withDefaults().settings();
    private final QuantileSanitizer sanitizer = new QuantileSanitizer(settings.minWidth(), settings.maxWidth());
    private final ForecastFactory factory = new ForecastFactory(settings);

    private static MarketContext context() {
        final double[] values = new double[120];
        double p = 0.42;
        for (int i = 0; i < values.length; i++) {
            p += 0.004 * Math.sin(i * 0.7) + 0.002 * Math.cos(i * 1.9);
            values[i] = p;
        }
        final long asOf = 1_767_571_200_000L;
        return new MarketContext(asOf, 300_000L, values, values.length, 300_000L, asOf - 60_000L, "high");
    }

    @Test
    void postProcessingTheModelsBaseBandGivesThePublishedModelForecast() {
        final MarketContext context = context();
        final double[][] published = Candidates.model(Candidates.ETS, new LocalEtsDampedModel(), settings, factory)
                .forecast("m-0001", context);
        final BaseForecaster base = BaseForecaster.model(Candidates.ETS, new LocalEtsDampedModel(), settings);
        assertThat(sanitizer.sanitize(base.base(context)).paths().toArray()).isDeepEqualTo(published);
    }

    @Test
    void postProcessingTheBaselinesBaseBandGivesThePublishedBaselineForecast() {
        final MarketContext context = context();
        final double[][] published = Candidates.baseline(settings, factory).forecast("m-0001", context);
        final BaseForecaster base = BaseForecaster.ewma(settings);
        assertThat(base.name()).isEqualTo(Candidates.EWMA);
        assertThat(sanitizer.sanitize(base.base(context)).paths().toArray()).isDeepEqualTo(published);
    }
}
