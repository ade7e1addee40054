package io.tsfm.streams.evaluate;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The ISO-8601 close times of contexts ending at one boundary, written once per boundary rather than once
 * per market (every context of a boundary is a suffix of the longest one). Thread-safe.
 */
final class GridTimestamps {
    private final long stepMs;
    private final int longest;
    private long asOfMs = Long.MIN_VALUE;
    private List<String> closes = List.of();

    GridTimestamps(final long stepMs, final int longest) {
        this.stepMs = stepMs;
        this.longest = longest;
    }

    /** The close times of the {@code length} steps ending at {@code asOf}, oldest first. */
    synchronized List<String> endingAt(final long asOf, final int length) {
        if (asOf != asOfMs || length > closes.size()) {
            final String[] all = new String[Math.max(longest, length)];
            for (int i = 0; i < all.length; i++) {
                all[i] = Instant.ofEpochMilli(asOf - (long) (all.length - 1 - i) * stepMs)
                        .toString();
            }
            closes = Arrays.asList(all);
            asOfMs = asOf;
        }
        return closes.subList(closes.size() - length, closes.size());
    }
}
