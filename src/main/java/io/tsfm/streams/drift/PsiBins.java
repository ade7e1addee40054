package io.tsfm.streams.drift;

import java.util.Arrays;

/**
 * Fixed bin edges for one PSI feature. Fixed (not fitted to the reference) so that every instance, task
 * and replay bins the same value the same way and histograms from different places can be added.
 * {@code n} ascending edges make {@code n + 1} bins with open ends: bin 0 is {@code (-inf, e0)}, bin
 * {@code i} is {@code [e(i-1), e(i))}, the last bin is {@code [e(n-1), +inf)}.
 */
public record PsiBins(double[] edges) {

    /** Logit-space step values: edges at -6, -5, ..., 6 (14 bins); resolved markets (|logit| ~ 13.8) land in the ends. */
    public static final PsiBins LOGIT_LEVEL = new PsiBins(new double[] {-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6});

    /**
     * Logit-space 5-minute changes: symmetric edges around 0 (15 bins). The middle bin [-0.005, 0.005)
     * holds the steps without a price move (forward-filled or unchanged at 4 decimals); the outer edges
     * grow roughly geometrically up to jumps of 1 logit.
     */
    public static final PsiBins LOGIT_CHANGE_5M = new PsiBins(
            new double[] {-1.0, -0.5, -0.2, -0.1, -0.05, -0.02, -0.005, 0.005, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0});

    public PsiBins {
        if (edges == null || edges.length == 0) {
            throw new IllegalArgumentException("bins need at least one edge");
        }
        edges = edges.clone();
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException(
                        "bin edges must be finite and strictly increasing: " + Arrays.toString(edges));
            }
        }
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    public int count() {
        return edges.length + 1;
    }

    /** The bin of {@code value}: how many edges are at or below it. */
    public int binOf(final double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot bin NaN");
        }
        int low = 0;
        int high = edges.length;
        while (low < high) {
            final int mid = (low + high) >>> 1;
            if (edges[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof PsiBins that && Arrays.equals(edges, that.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "PsiBins" + Arrays.toString(edges);
    }
}
