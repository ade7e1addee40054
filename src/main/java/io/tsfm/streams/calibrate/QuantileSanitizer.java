package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.QuantilePaths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The seed's post-processing, applied to every forecast (model or baseline) in probability space, so
 * that downstream alerting always sees a monotone band of sane width inside [0,1].
 *
 * <p>Per step: clip to [0,1]; sort crossed quantiles; then, with w = highest minus lowest level and
 * the centre at level 0.5 (else the middle level, or the mean of the two middle levels for an even
 * count), widen a band narrower than {@code minWidth} or narrow one wider than {@code maxWidth} to
 * that width around the centre (clipped to [0,1]), clamping the inner levels into the new band.
 * A single-level forecast has no band and skips the width rules. Steps still violating
 * {@code 0 <= q_lo <= ... <= q_hi <= 1} are counted as invalid.
 */
public final class QuantileSanitizer {
    public static final String QUANTILE_CROSSING_FIXED = "quantile_crossing_fixed";
    public static final String INTERVAL_MIN_WIDTH_ENFORCED = "interval_min_width_enforced";
    public static final String INTERVAL_MAX_WIDTH_CLAMPED = "interval_max_width_clamped";
    public static final double DEFAULT_MIN_WIDTH = 0.02;
    public static final double DEFAULT_MAX_WIDTH = 0.60;

    private final double minWidth;
    private final double maxWidth;

    public QuantileSanitizer(final double minWidth, final double maxWidth) {
        if (!(minWidth >= 0.0 && minWidth < maxWidth && maxWidth <= 1.0)) {
            throw new IllegalArgumentException(
                    "widths must satisfy 0 <= min < max <= 1: min=" + minWidth + ", max=" + maxWidth);
        }
        this.minWidth = minWidth;
        this.maxWidth = maxWidth;
    }

    /** The seed's limits: 0.02 and 0.60. */
    public static QuantileSanitizer defaults() {
        return new QuantileSanitizer(DEFAULT_MIN_WIDTH, DEFAULT_MAX_WIDTH);
    }

    public double minWidth() {
        return minWidth;
    }

    public double maxWidth() {
        return maxWidth;
    }

    public SanitizedForecast sanitize(final QuantilePaths forecast) {
        Objects.requireNonNull(forecast, "forecast");
        final double[] levels = forecast.levels();
        final double[][] paths = forecast.toArray();
        final int n = levels.length;
        int crossing = 0;
        int minWidthSteps = 0;
        int maxWidthSteps = 0;
        int invalid = 0;
        for (int k = 0; k < forecast.horizon(); k++) {
            final double[] step = new double[n];
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(paths[i][k])) {
                    throw new IllegalArgumentException(
                            "non-finite quantile at level " + levels[i] + ", step " + (k + 1));
                }
                step[i] = clip(paths[i][k]);
            }
            if (!ascending(step)) {
                Arrays.sort(step);
                crossing++;
            }
            if (n > 1) {
                final double width = step[n - 1] - step[0];
                if (width < minWidth) {
                    rebound(step, centre(levels, step), minWidth);
                    minWidthSteps++;
                } else if (width > maxWidth) {
                    rebound(step, centre(levels, step), maxWidth);
                    maxWidthSteps++;
                }
            }
            if (!valid(step)) {
                invalid++;
            }
            for (int i = 0; i < n; i++) {
                paths[i][k] = step[i];
            }
        }
        final List<String> warnings = new ArrayList<>();
        if (crossing > 0) {
            warnings.add(QUANTILE_CROSSING_FIXED);
        }
        if (minWidthSteps > 0) {
            warnings.add(INTERVAL_MIN_WIDTH_ENFORCED);
        }
        if (maxWidthSteps > 0) {
            warnings.add(INTERVAL_MAX_WIDTH_CLAMPED);
        }
        return new SanitizedForecast(
                new QuantilePaths(levels, paths), warnings, crossing, minWidthSteps, maxWidthSteps, invalid);
    }

    private static double centre(final double[] levels, final double[] step) {
        final int n = levels.length;
        for (int i = 0; i < n; i++) {
            if (levels[i] == 0.5) {
                return step[i];
            }
        }
        if (n % 2 == 1) {
            return step[n / 2];
        }
        return (step[n / 2 - 1] + step[n / 2]) / 2.0;
    }

    /** Sets the outer levels to centre -/+ width/2 (clipped) and clamps the inner ones between them. */
    private static void rebound(final double[] step, final double centre, final double width) {
        final int n = step.length;
        final double bottom = clip(centre - width / 2.0);
        final double top = clip(centre + width / 2.0);
        step[0] = bottom;
        step[n - 1] = top;
        for (int i = 1; i < n - 1; i++) {
            step[i] = Math.min(Math.max(step[i], bottom), top);
        }
    }

    private static boolean ascending(final double[] step) {
        for (int i = 1; i < step.length; i++) {
            if (step[i] < step[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static boolean valid(final double[] step) {
        return step[0] >= 0.0 && step[step.length - 1] <= 1.0 && ascending(step);
    }

    private static double clip(final double v) {
        return Math.min(Math.max(v, 0.0), 1.0);
    }
}
