package io.tsfm.streams.stream;

import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.domain.ForecastRecord;

/** Facts about a finished forecast that the metrics report: last-step band width, crossing fixes, invalid steps. */
public final class ForecastChecks {
    private ForecastChecks() {}

    public record Stats(double lastStepWidth, boolean crossingFixed, int invalidSteps) {}

    public static Stats of(final ForecastRecord f) {
        final double[][] paths = f.yhatQ().values().toArray(new double[0][]);
        final int last = f.horizonSteps() - 1;
        int invalid = 0;
        for (int k = 0; k <= last; k++) {
            boolean ok = true;
            for (int i = 0; i < paths.length; i++) {
                final double v = paths[i][k];
                if (!(v >= 0.0 && v <= 1.0) || (i > 0 && v < paths[i - 1][k])) {
                    ok = false;
                }
            }
            if (!ok) {
                invalid++;
            }
        }
        final double width = paths[paths.length - 1][last] - paths[0][last];
        return new Stats(width, f.meta().warnings().contains(QuantileSanitizer.QUANTILE_CROSSING_FIXED), invalid);
    }
}
