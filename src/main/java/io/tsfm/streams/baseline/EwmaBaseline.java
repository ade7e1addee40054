package io.tsfm.streams.baseline;

import io.tsfm.streams.domain.NormalQuantile;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * The fallback forecaster: the seed's EWMA level and innovation variance in model space, so every
 * market gets a forecast when the model cannot be used.
 *
 * <p>Sound variant of the seed (its method id is {@link #METHOD}): the seed emits one flat band of
 * {@code sigma * sqrt(H)} for every step; here the band grows as {@code sigma * sqrt(k)} for step
 * {@code k = 1..H}, so only the last step equals the seed's band. Quantile {@code q} at step k is
 * {@code inverse(level + z(q) * sigma_k)} with {@code sigma = sqrt(max(var, eps))}. In raw space
 * ({@link Transform#none()}) values may leave [0,1]; post-processing clips them.
 */
public final class EwmaBaseline implements BaselineForecaster {
    /** Method id for forecast meta: EWMA with a per-step square-root-of-step band. */
    public static final String METHOD = "ewma_sqrt_step";
    /** The model name in forecast meta, scores and calibrator keys. */
    public static final String MODEL_NAME = "ewma_baseline";

    public static final double DEFAULT_ALPHA = 0.2;
    public static final int DEFAULT_MAX_POINTS = 288;

    private final double alpha;
    private final int maxPoints;
    private final Transform transform;

    /** The EWMA state after the context: level and innovation variance in model space. */
    public record Fit(double level, double variance, int points) {}

    public EwmaBaseline(final double alpha, final int maxPoints, final Transform transform) {
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0,1]: " + alpha);
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1: " + maxPoints);
        }
        this.alpha = alpha;
        this.maxPoints = maxPoints;
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    /** The seed's settings (alpha 0.2, last 288 points) in the given model space. */
    public EwmaBaseline(final Transform transform) {
        this(DEFAULT_ALPHA, DEFAULT_MAX_POINTS, transform);
    }

    /** Model version of the default configuration, for forecast meta. */
    public static String version() {
        return versionFor(DEFAULT_ALPHA);
    }

    @Override
    public String modelName() {
        return MODEL_NAME;
    }

    @Override
    public String method() {
        return METHOD;
    }

    /** Model version of this instance's alpha. */
    @Override
    public String modelVersion() {
        return versionFor(alpha);
    }

    private static String versionFor(final double alpha) {
        return "ewma-a" + BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString() + "-v1";
    }

    /** Runs the seed recurrence over the last {@code maxPoints} finite values of a probability context. */
    public Fit fit(final double[] context) {
        Objects.requireNonNull(context, "context");
        final double[] finite = Arrays.stream(context).filter(Double::isFinite).toArray();
        if (finite.length < 1) {
            throw new IllegalArgumentException("the context needs at least one finite value");
        }
        final int from = Math.max(0, finite.length - maxPoints);
        double level = transform.forward(finite[from]);
        double variance = 0.0;
        for (int i = from + 1; i < finite.length; i++) {
            final double x = transform.forward(finite[i]);
            final double prev = level;
            level = alpha * x + (1.0 - alpha) * prev;
            final double innov = x - prev;
            variance = alpha * innov * innov + (1.0 - alpha) * variance;
        }
        return new Fit(level, variance, finite.length - from);
    }

    /** Quantile paths in probability space for strictly ascending levels in (0,1) and horizon >= 1. */
    @Override
    public QuantilePaths forecast(final double[] context, final double[] levels, final int horizon) {
        Objects.requireNonNull(levels, "levels");
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1: " + horizon);
        }
        final Fit fit = fit(context);
        final double sigma = Math.sqrt(Math.max(fit.variance(), transform.eps()));
        final double[][] paths = new double[levels.length][horizon];
        for (int i = 0; i < levels.length; i++) {
            final double z = NormalQuantile.inverse(levels[i]);
            for (int k = 1; k <= horizon; k++) {
                paths[i][k - 1] = transform.inverse(fit.level() + z * sigma * Math.sqrt(k));
            }
        }
        return new QuantilePaths(levels, paths);
    }
}
