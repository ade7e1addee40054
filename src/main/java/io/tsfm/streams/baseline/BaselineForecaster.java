package io.tsfm.streams.baseline;

import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import java.util.Locale;

/**
 * The statistical forecaster that answers whenever the model cannot ({@code baseline.method}): it must serve
 * every market on its own, so it is judged by the same goals as the model.
 */
public interface BaselineForecaster {
    /** {@code baseline.method} of {@link EmpiricalBaseline}: the default. */
    String EMPIRICAL_MOVES = "empirical_moves";
    /** {@code baseline.method} of {@link EwmaBaseline}: the seed's, kept for parity. */
    String SEED_EWMA = "seed_ewma";

    /** The model name in forecast meta, scores, metrics and calibrator keys. */
    String modelName();

    String modelVersion();

    /** The method id in forecast meta. */
    String method();

    /** Quantile paths in probability space (not yet post-processed) for a probability context. */
    QuantilePaths forecast(double[] context, double[] levels, int horizon);

    /** The configured baseline: {@code method} is one of {@link #EMPIRICAL_MOVES} and {@link #SEED_EWMA}. */
    static BaselineForecaster of(
            final String method, final double ewmaAlpha, final int inputLen, final Transform transform) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case EMPIRICAL_MOVES -> new EmpiricalBaseline(inputLen, transform);
            case SEED_EWMA -> new EwmaBaseline(ewmaAlpha, inputLen, transform);
            default -> throw new IllegalArgumentException("unknown baseline method: " + method);
        };
    }
}
