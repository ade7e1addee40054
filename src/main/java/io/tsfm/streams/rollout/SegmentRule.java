package io.tsfm.streams.rollout;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One {@code key=value} rule that sends a segment of markets to the baseline during a rollout, e.g.
 * {@code liquidity_bucket=low}. Keys are the market attributes the router sees; values match exactly.
 *
 * @param attribute which market attribute the rule looks at
 * @param value     the attribute value that matches
 */
public record SegmentRule(Attribute attribute, String value) {

    /** The market attributes a rule may test. */
    public enum Attribute {
        /** The tick's liquidity bucket: low, mid, high. */
        LIQUIDITY_BUCKET("liquidity_bucket"),
        /** One market by id, to pin a market the candidate must not serve. */
        MARKET_ID("market_id");

        private final String key;

        Attribute(final String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Attribute fromKey(final String key) {
            for (final Attribute attribute : values()) {
                if (attribute.key.equals(key)) {
                    return attribute;
                }
            }
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "unknown segment attribute '%s' (expected one of: %s)",
                    key,
                    Arrays.stream(values()).map(Attribute::key).collect(Collectors.joining(", "))));
        }
    }

    public SegmentRule {
        if (attribute == null) {
            throw new IllegalArgumentException("segment rule attribute is required");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("segment rule " + attribute.key() + " needs a value");
        }
    }

    /** Parses {@code key=value}, spaces around either side ignored. */
    public static SegmentRule parse(final String text) {
        final int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("segment rule '" + text.trim() + "' is not key=value");
        }
        return new SegmentRule(
                Attribute.fromKey(text.substring(0, eq).trim()),
                text.substring(eq + 1).trim());
    }

    public boolean matches(final String marketId, final String liquidityBucket) {
        final String actual = attribute == Attribute.MARKET_ID ? marketId : liquidityBucket;
        return value.equals(actual);
    }

    /** {@code liquidity_bucket=low}: the rule as written, the suffix of its route reason. */
    @Override
    public String toString() {
        return attribute.key() + "=" + value;
    }
}
