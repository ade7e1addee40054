package io.tsfm.streams.evaluate;

import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.forecast.ForecastFactory;
import io.tsfm.streams.forecast.ForecastRecord;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.forecast.QuantileKeys;
import io.tsfm.streams.forecast.QuantilePaths;
import io.tsfm.streams.forecaster.model.LocalEtsDampedModel;
import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.MockModel;
import io.tsfm.streams.forecaster.model.ModelInput;
import io.tsfm.streams.forecaster.model.SeriesForecast;
import java.util.List;
import java.util.Map;

/**
 * The three forecasters compared, each producing exactly what the processor would publish: a local
 * model behind the model route (transform forward, model, {@link ForecastFactory#fromModel}: inverse
 * and post-processing), or the EWMA baseline ({@link ForecastFactory#baseline}).
 */
public final class Candidates {

    /** Name of tollama's {@code mock} in the results: the flat last-value forecast. */
    public static final String FLAT = "flat last value (mock)";
    public static final String ETS = LocalEtsDampedModel.NAME;
    public static final String EWMA = ForecastFactory.BASELINE_MODEL_NAME;

    private static final String BREAKER_CLOSED = "closed";
    private static final ForecastFactory.Call NO_CALL = new ForecastFactory.Call(0L, 1, 1);

    private Candidates() {
    }

    /** Flat last value, ETS, EWMA baseline, in that order. */
    public static List<Candidate> all(final ForecastSettings settings) {
        final ForecastFactory factory = new ForecastFactory(settings);
        return List.of(model(FLAT, new MockModel(), settings, factory),
                model(ETS, new LocalEtsDampedModel(), settings, factory),
                baseline(settings, factory));
    }

    /** A local model served as the processor serves a tollama model. */
    public static Candidate model(final String name, final LocalModel model, final ForecastSettings settings,
                           final ForecastFactory factory) {
        return new Candidate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[][] forecast(final String marketId, final MarketContext context) {
                final SeriesForecast fc = modelSpace(model, settings, context);
                final ForecastRecord record = factory.fromModel(marketId, context,
                        new QuantilePaths(settings.levels(), fc.quantiles()), model.name(), BREAKER_CLOSED, NO_CALL);
                return paths(settings.levels(), record.yhatQ());
            }
        };
    }

    /** The EWMA baseline as a gated fallback publishes it. */
    public static Candidate baseline(final ForecastSettings settings, final ForecastFactory factory) {
        return new Candidate() {
            @Override
            public String name() {
                return EWMA;
            }

            @Override
            public double[][] forecast(final String marketId, final MarketContext context) {
                final ForecastRecord record = factory.baseline(marketId, context, "evaluation", true,
                        BREAKER_CLOSED, null);
                return paths(settings.levels(), record.yhatQ());
            }
        };
    }

    private static double[][] paths(final double[] levels, final Map<String, double[]> byKey) {
        final double[][] out = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            out[i] = byKey.get(QuantileKeys.key(levels[i]));
        }
        return out;
    }

    /** A local model's forecast of a context, in model (transform) space, as the model route asks for it. */
    static SeriesForecast modelSpace(final LocalModel model, final ForecastSettings settings,
                                     final MarketContext context) {
        final double[] values = context.values();
        final double[] target = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            target[i] = settings.transform().forward(values[i]);
        }
        return model.forecast(new ModelInput(settings.freq(), List.of(context.isoTimestamps()), target,
                settings.horizon(), settings.levels()));
    }
}
