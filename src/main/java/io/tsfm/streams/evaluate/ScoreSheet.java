package io.tsfm.streams.evaluate;

/**
 * Running sums of pinball loss, band coverage and band width for one forecaster, over every horizon
 * step and separately for the last step, so that a long evaluation needs constant memory.
 */
public final class ScoreSheet {

    private final double[] levels;
    private final Sums all;
    private final Sums last;

    /** @param levels quantile levels, strictly ascending, at least two (the outer ones make the band) */
    public ScoreSheet(final double[] levels) {
        if (levels.length < 2) {
            throw new IllegalArgumentException("need at least two levels for a band");
        }
        for (int i = 1; i < levels.length; i++) {
            if (!(levels[i] > levels[i - 1])) {
                throw new IllegalArgumentException("levels must be strictly ascending");
            }
        }
        this.levels = levels.clone();
        this.all = new Sums(levels.length);
        this.last = new Sums(levels.length);
    }

    /**
     * Scores one forecast.
     *
     * @param paths  {@code paths[i][k]}: quantile {@code levels[i]} at step k + 1
     * @param actual realised value of each step, as long as the paths
     */
    public void add(final double[][] paths, final double[] actual) {
        if (paths.length != levels.length) {
            throw new IllegalArgumentException("one path per level is required");
        }
        final int horizon = actual.length;
        for (int k = 0; k < horizon; k++) {
            final double[] column = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                if (paths[i].length != horizon) {
                    throw new IllegalArgumentException("every path must be as long as the realised values");
                }
                column[i] = paths[i][k];
            }
            all.add(levels, column, actual[k]);
            if (k == horizon - 1) {
                last.add(levels, column, actual[k]);
            }
        }
    }

    /** Over every step of every forecast. */
    public Scores overall() {
        return all.scores(levels);
    }

    /** Over the last horizon step only. */
    public Scores lastStep() {
        return last.scores(levels);
    }

    /** The sums behind one {@link Scores}. */
    private static final class Sums {
        private final double[] loss;
        private long pairs;
        private long covered;
        private double width;

        Sums(final int levelCount) {
            this.loss = new double[levelCount];
        }

        void add(final double[] levels, final double[] column, final double y) {
            for (int i = 0; i < levels.length; i++) {
                loss[i] += QuantileScore.pinball(levels[i], column[i], y);
            }
            final double lo = column[0];
            final double hi = column[column.length - 1];
            covered += QuantileScore.covered(lo, hi, y) ? 1 : 0;
            width += hi - lo;
            pairs++;
        }

        Scores scores(final double[] levels) {
            final double n = Math.max(1, pairs);
            final double[] byLevel = new double[loss.length];
            double sum = 0.0;
            for (int i = 0; i < loss.length; i++) {
                byLevel[i] = loss[i] / n;
                sum += byLevel[i];
            }
            return new Scores(pairs, levels, byLevel, sum / loss.length, covered / n, width / n);
        }
    }
}
