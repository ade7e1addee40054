package io.tsfm.streams.simulate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One well-formed market tick as the app consumes it, with its exact JSON form. The JSON is written by
 * hand (fixed field order, fixed number format) so that equal ticks are equal bytes.
 *
 * @param marketId        the market id, also the record key
 * @param timestampMs     event time, epoch milliseconds
 * @param pYes            probability of YES in [0, 1], already rounded to 4 decimals
 * @param liquidityBucket "low", "mid" or "high"
 * @param volume24h       24 h volume, rounded to 2 decimals
 * @param openInterest    open interest, rounded to 2 decimals
 */
public record Tick(
        String marketId, long timestampMs, double pYes, String liquidityBucket, double volume24h, double openInterest) {

    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The ISO-8601 UTC timestamp with milliseconds, e.g. {@code 2026-11-22T10:00:03.120Z}. */
    public static String formatTimestamp(final long epochMs) {
        return TS.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * {@code {"market_id":..,"ts":..,"p_yes":..,"liquidity_bucket":..,"volume_24h":..,"open_interest":..}}.
     * Market ids are generated ({@code m-0001}), so they need no JSON escaping.
     */
    public String toJson() {
        return "{\"market_id\":\"" + marketId + "\""
                + ",\"ts\":\"" + formatTimestamp(timestampMs) + "\""
                + ",\"p_yes\":" + decimal(pYes, 4)
                + ",\"liquidity_bucket\":\"" + liquidityBucket + "\""
                + ",\"volume_24h\":" + decimal(volume24h, 2)
                + ",\"open_interest\":" + decimal(openInterest, 2)
                + "}";
    }

    public byte[] toJsonBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** Plain decimal with at most {@code scale} decimals and at least one: 0.5, 1.0, 0.0001, 123456.0. */
    static String decimal(final double value, final int scale) {
        final long unscaled = Math.round(value * StrictMath.pow(10, scale));
        final String plain =
                BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') >= 0 ? plain : plain + ".0";
    }

    /** Rounds to {@code scale} decimals, the precision the JSON carries. */
    static double round(final double value, final int scale) {
        final double factor = StrictMath.pow(10, scale);
        return Math.round(value * factor) / factor;
    }
}
