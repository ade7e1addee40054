package io.tsfm.streams.domain;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A probabilistic forecast as one path per quantile level: {@code paths[i][k]} is the value of
 * quantile {@code levels[i]} at horizon step {@code k + 1}. Levels are strictly ascending.
 * Immutable; the value type shared by the model client, the baseline and post-processing.
 */
public final class QuantilePaths {
    private final double[] levels;
    private final double[][] paths;

    public QuantilePaths(final double[] levels, final double[][] paths) {
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(paths, "paths");
        if (levels.length == 0 || levels.length != paths.length) {
            throw new IllegalArgumentException("one path per level is required");
        }
        final int horizon = paths[0].length;
        for (int i = 0; i < levels.length; i++) {
            if (i > 0 && !(levels[i] > levels[i - 1])) {
                throw new IllegalArgumentException("levels must be strictly ascending");
            }
            if (paths[i].length != horizon) {
                throw new IllegalArgumentException("all paths must have the same horizon");
            }
        }
        this.levels = levels.clone();
        this.paths = new double[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            this.paths[i] = paths[i].clone();
        }
    }

    public int horizon() {
        return paths[0].length;
    }

    public int levelCount() {
        return levels.length;
    }

    public double level(final int i) {
        return levels[i];
    }

    public double[] levels() {
        return levels.clone();
    }

    /** The path of level index {@code i} (a copy). */
    public double[] path(final int i) {
        return paths[i].clone();
    }

    public double value(final int levelIndex, final int step) {
        return paths[levelIndex][step];
    }

    /** All paths as a copy, {@code [level][step]}. */
    public double[][] toArray() {
        final double[][] copy = new double[paths.length][];
        for (int i = 0; i < paths.length; i++) {
            copy[i] = paths[i].clone();
        }
        return copy;
    }

    /** The paths keyed by tollama's level strings ("0.1", "0.5", "0.9"), in level order. */
    public Map<String, double[]> byKey() {
        final Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < levels.length; i++) {
            out.put(QuantileKeys.key(levels[i]), paths[i].clone());
        }
        return out;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof QuantilePaths other
                && Arrays.equals(levels, other.levels)
                && Arrays.deepEquals(paths, other.paths);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(levels) + Arrays.deepHashCode(paths);
    }

    @Override
    public String toString() {
        return "QuantilePaths" + byKeyString();
    }

    private String byKeyString() {
        final StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(QuantileKeys.key(levels[i])).append('=').append(Arrays.toString(paths[i]));
        }
        return sb.append('}').toString();
    }
}
