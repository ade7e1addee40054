package io.tsfm.streams.rollout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which markets are in a stage's canary share: a pure function of the market id and the stage, the same
 * on every instance, after every restart and on replay. A market's bucket is the first 8 bytes of the
 * SHA-256 of its UTF-8 id, read big-endian as an unsigned number, modulo {@link #BUCKETS}; a market is in
 * the share when its bucket is below the stage's {@link RolloutStage#shareBuckets()}. Growing the share
 * therefore only adds markets.
 *
 * <p>SHA-256 (not {@link String#hashCode()}) because its output is specified byte for byte, is spread
 * evenly over similar ids such as {@code m-0001}, {@code m-0002}, and can be recomputed by any tool
 * ({@code printf %s m-0001 | sha256sum}). The bucket of an id is a contract: changing the hash reshuffles
 * every running canary, so tests pin known values.
 */
public final class CanaryShare {

    /** Number of hash buckets: one bucket is 0.01 % of markets. */
    public static final int BUCKETS = 10_000;

    private CanaryShare() {}

    /** The market's bucket in [0, {@link #BUCKETS}). */
    public static int bucketOf(final String marketId) {
        if (marketId == null) {
            throw new IllegalArgumentException("market id is required");
        }
        final byte[] digest = sha256().digest(marketId.getBytes(StandardCharsets.UTF_8));
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            prefix = (prefix << 8) | (digest[i] & 0xFF);
        }
        return (int) Long.remainderUnsigned(prefix, BUCKETS);
    }

    /** Whether the candidate serves this market at {@code stage}. */
    public static boolean inCanary(final String marketId, final RolloutStage stage) {
        return bucketOf(marketId) < stage.shareBuckets();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256 (MessageDigest's Javadoc)
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
