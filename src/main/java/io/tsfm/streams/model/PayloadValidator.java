package io.tsfm.streams.model;

import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.QuantileKeys;
import io.tsfm.streams.domain.QuantilePaths;
import java.util.List;
import java.util.Map;

/**
 * Checks one series of a model answer as the seed does: exactly the requested quantile set, each path
 * exactly {@code horizon} long, every value finite. A bad series falls back alone.
 */
public final class PayloadValidator {
    public static final String QUANTILE_SET_MISMATCH = FallbackReasons.INVALID_QUANTILE_SET_MISMATCH;
    public static final String HORIZON_MISMATCH = FallbackReasons.INVALID_HORIZON_MISMATCH;
    public static final String NON_FINITE_VALUE = FallbackReasons.INVALID_NON_FINITE_VALUE;
    public static final String MISSING_SERIES = FallbackReasons.INVALID_MISSING_SERIES;

    private final double[] levels;
    private final String[] keys;
    private final int horizon;

    public PayloadValidator(final double[] levels, final int horizon) {
        this.levels = levels.clone();
        this.keys = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            keys[i] = QuantileKeys.key(levels[i]);
        }
        this.horizon = horizon;
    }

    /**
     * Checks one series' quantiles against the contract and the horizon.
     *
     * @param quantiles the series' {@code quantiles} object as parsed (null values stand for JSON null,
     *                  which tollama writes for NaN/Inf); null when the field was absent or null
     */
    public SeriesOutcome validate(final Map<String, List<Double>> quantiles) {
        if (quantiles == null || quantiles.size() != keys.length) {
            return SeriesOutcome.invalid(QUANTILE_SET_MISMATCH);
        }
        for (final String key : keys) {
            if (!quantiles.containsKey(key)) {
                return SeriesOutcome.invalid(QUANTILE_SET_MISMATCH);
            }
        }
        final double[][] paths = new double[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            final List<Double> path = quantiles.get(keys[i]);
            if (path == null || path.size() != horizon) {
                return SeriesOutcome.invalid(HORIZON_MISMATCH);
            }
            paths[i] = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                final Double v = path.get(k);
                if (v == null || !Double.isFinite(v)) {
                    return SeriesOutcome.invalid(NON_FINITE_VALUE);
                }
                paths[i][k] = v;
            }
        }
        return SeriesOutcome.valid(new QuantilePaths(levels, paths));
    }
}
