package io.tsfm.streams.model;

import io.tsfm.streams.domain.QuantilePaths;

/**
 * The model's answer for one series: valid quantile paths in model space, or the reason the series'
 * payload was rejected ({@code quantile_set_mismatch}, {@code horizon_mismatch}, {@code non_finite_value},
 * {@code missing_series}).
 */
public record SeriesOutcome(QuantilePaths paths, String invalidReason) {

    public static SeriesOutcome valid(final QuantilePaths paths) {
        return new SeriesOutcome(paths, null);
    }

    public static SeriesOutcome invalid(final String reason) {
        return new SeriesOutcome(null, reason);
    }

    public boolean isValid() {
        return paths != null;
    }
}
