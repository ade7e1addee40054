package io.tsfm.streams.drift;

/**
 * The segment a market's drift is tracked in: its liquidity bucket. Buckets are tracked apart because
 * their inputs differ in kind (a liquid market moves every step, an illiquid one is mostly forward
 * filled), so a change in the mix of buckets would otherwise read as drift of the input.
 */
public final class InputSegment {

    /** Segment of markets whose tick carried no liquidity bucket. */
    public static final String UNKNOWN = "unknown";

    private InputSegment() {}

    /** The {@code segment} label: the liquidity bucket, or {@value #UNKNOWN}. */
    public static String of(final String liquidityBucket) {
        return liquidityBucket == null || liquidityBucket.isBlank() ? UNKNOWN : liquidityBucket;
    }
}
