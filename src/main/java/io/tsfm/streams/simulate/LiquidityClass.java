package io.tsfm.streams.simulate;

/**
 * How liquid a simulated market is: it sets how often the market ticks and the range its 24 h volume
 * and open interest stay in, so the published bucket always agrees with the seed's rule (volume under
 * 10k low, under 100k mid, else high).
 */
public enum LiquidityClass {
    /** Several ticks per 5-minute step. */
    HIGH("high", 100_000.0, 5_000_000.0),
    /** About one tick per 5-minute step. */
    MID("mid", 10_000.0, 100_000.0),
    /** One tick every 15-40 minutes, with occasional gaps over an hour. */
    LOW("low", 500.0, 10_000.0);

    private final String bucket;
    private final double minVolume;
    private final double maxVolume;

    LiquidityClass(final String bucket, final double minVolume, final double maxVolume) {
        this.bucket = bucket;
        this.minVolume = minVolume;
        this.maxVolume = maxVolume;
    }

    /** The {@code liquidity_bucket} value: "high", "mid" or "low". */
    public String bucket() {
        return bucket;
    }

    /** Lowest volume (and open interest) of the class, inclusive. */
    double minVolume() {
        return minVolume;
    }

    /** Highest volume (and open interest) of the class, exclusive. */
    double maxVolume() {
        return maxVolume;
    }

    /** The seed's bucketing rule: under 10k low, under 100k mid, else high. */
    public static LiquidityClass ofVolume(final double volume) {
        if (volume < 10_000.0) {
            return LOW;
        }
        return volume < 100_000.0 ? MID : HIGH;
    }
}
