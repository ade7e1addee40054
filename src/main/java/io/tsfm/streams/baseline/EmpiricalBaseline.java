package io.tsfm.streams.baseline;

import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import java.util.Arrays;
import java.util.Objects;

/**
 * The default fallback forecaster ({@code baseline.method=empirical_moves}): {@link EmpiricalMoves} over the
 * last {@code maxPoints} values of the context in the model's transform space (the logit), mapped back to
 * probabilities. Its median is the last value; its band is the market's own moves.
 */
public final class EmpiricalBaseline implements BaselineForecaster {
    public static final String MODEL_NAME = "empirical_baseline";
    public static final String VERSION = "empirical-moves-v1";

    private final int maxPoints;
    private final Transform transform;

    public EmpiricalBaseline(final int maxPoints, final Transform transform) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1: " + maxPoints);
        }
        this.maxPoints = maxPoints;
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public String modelVersion() {
        return VERSION;
    }

    @Override
    public String method() {
        return EMPIRICAL_MOVES;
    }

    @Override
    public QuantilePaths forecast(final double[] context, final double[] levels, final int horizon) {
        final double[] finite = Arrays.stream(context).filter(Double::isFinite).toArray();
        if (finite.length < 1) {
            throw new IllegalArgumentException("the context needs at least one finite value");
        }
        final double[] x = new double[Math.min(finite.length, maxPoints)];
        for (int i = 0; i < x.length; i++) {
            x[i] = transform.forward(finite[finite.length - x.length + i]);
        }
        final double[][] paths = EmpiricalMoves.forecast(x, horizon, levels);
        for (final double[] path : paths) {
            for (int k = 0; k < path.length; k++) {
                path[k] = transform.inverse(path[k]);
            }
        }
        return new QuantilePaths(levels, paths);
    }
}
