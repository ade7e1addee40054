package io.tsfm.streams.domain;

import java.util.Locale;

/**
 * A served forecast waiting for its horizon to be realised, in the changelogged {@code open-forecasts}
 * store: what scoring needs (the band before calibration and the served band, both {@code [level][step]}
 * in probability space, and the context's last value to forward-fill from) and what the score record
 * reports, the calibrators' cell, the market's price tick (the band's floor) and the scales each step was
 * served with (0 where none was applied; null in entries of earlier versions), and for a served model
 * forecast the band the baseline would have served (so the baseline's calibrators stay warm for when it has
 * to answer; null otherwise). Deleted in the same
 * transaction as its score record. A shadow forecast (the rollout candidate's,
 * never served) is kept and scored alike under its own key.
 */
public record OpenForecast(
        String marketId,
        long asOfMs,
        String runtime,
        String modelName,
        String fallbackReason,
        String segment,
        double anchor,
        double[] levels,
        double[][] base,
        double[][] served,
        CalibrationMeta calibration,
        boolean shadow,
        String cell,
        double tick,
        double[] servedLower,
        double[] servedUpper,
        double[][] standbyBase) {

    /** The lower scale step {@code k} was served with, 0 when it was served uncalibrated (or unknown). */
    public double servedLowerScale(final int k) {
        return servedLower == null ? 0.0 : servedLower[k];
    }

    /** The upper scale step {@code k} was served with, 0 when it was served uncalibrated (or unknown). */
    public double servedUpperScale(final int k) {
        return servedUpper == null ? 0.0 : servedUpper[k];
    }

    /** The calibrators' cell its errors teach (entries of earlier versions have none: their segment). */
    public String calibrationCell() {
        return cell != null ? cell : segment;
    }

    /** Store key: zero-padded as_of, '|', market id, so a range scan returns every forecast due by a time. */
    public String key() {
        return shadow ? key(asOfMs, marketId) + "|shadow" : key(asOfMs, marketId);
    }

    public static String key(final long asOfMs, final String marketId) {
        return padded(asOfMs) + "|" + marketId;
    }

    /** The largest key of a forecast made at or before {@code asOfMs}. */
    public static String lastKeyAtOrBefore(final long asOfMs) {
        return padded(asOfMs) + "|\uffff";
    }

    /** As_of zero-padded to 15 digits ({@code %015d}, written by hand: this runs for every forecast). */
    private static String padded(final long asOfMs) {
        if (asOfMs < 0) {
            return String.format(Locale.ROOT, "%015d", asOfMs);
        }
        final String digits = Long.toString(asOfMs);
        return digits.length() >= 15 ? digits : "0".repeat(15 - digits.length()) + digits;
    }
}
