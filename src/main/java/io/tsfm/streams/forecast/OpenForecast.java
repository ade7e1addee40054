package io.tsfm.streams.forecast;

import java.util.Locale;

/**
 * A served forecast waiting for its horizon to be realised, in the changelogged {@code open-forecasts}
 * store: what scoring needs (the band before calibration and the served band, both {@code [level][step]}
 * in probability space, and the context's last value to forward-fill from) and what the score record
 * reports. Deleted in the same transaction as its score record. A shadow forecast (the rollout candidate's,
 * never served) is kept and scored alike under its own key.
 */
public record OpenForecast(String marketId, long asOfMs, String runtime, String modelName, String fallbackReason,
                           String segment, double anchor, double[] levels, double[][] base, double[][] served,
                           CalibrationMeta calibration, boolean shadow) {

    /** Store key: zero-padded as_of, '|', market id, so a range scan returns every forecast due by a time. */
    public String key() {
        return shadow ? key(asOfMs, marketId) + "|shadow" : key(asOfMs, marketId);
    }

    public static String key(final long asOfMs, final String marketId) {
        return String.format(Locale.ROOT, "%015d|%s", asOfMs, marketId);
    }

    /** The largest key of a forecast made at or before {@code asOfMs}. */
    public static String lastKeyAtOrBefore(final long asOfMs) {
        return String.format(Locale.ROOT, "%015d|\uffff", asOfMs);
    }
}
