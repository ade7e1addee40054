package io.tsfm.streams.evaluate;

import io.tsfm.streams.score.BandScore;

/**
 * Running sums of one served band's scores, split by market motion at as_of (all, moving, flat) and by
 * horizon step (all steps, 1..H), in constant memory. Sheets of independent runs add up.
 */
public final class CalibrationSheet {
    /** Motion index: every market. */
    public static final int ALL = 0;
    public static final int MOVING = 1;
    public static final int FLAT = 2;

    private final double[] levels;
    private final int horizon;
    private final Sums[][] sums;

    public CalibrationSheet(final double[] levels, final int horizon) {
        this.levels = levels.clone();
        this.horizon = horizon;
        this.sums = new Sums[3][horizon + 1];
        for (int m = 0; m < 3; m++) {
            for (int h = 0; h <= horizon; h++) {
                sums[m][h] = new Sums();
            }
        }
    }

    /**
     * Scores one served step.
     *
     * @param moving   whether the market was moving at the forecast's as_of
     * @param step     horizon step, 1-based
     * @param band     served quantiles of that step, one per level
     * @param realised the realised grid value
     * @param scale    the width scale served at that step (1 when uncalibrated)
     * @param applied  whether calibration was applied at that step
     */
    public void add(final boolean moving, final int step, final double[] band, final double realised,
                    final double scale, final boolean applied) {
        final BandScore score = BandScore.of(levels, band, realised);
        final int motion = moving ? MOVING : FLAT;
        sums[ALL][0].add(score, scale, applied);
        sums[ALL][step].add(score, scale, applied);
        sums[motion][0].add(score, scale, applied);
        sums[motion][step].add(score, scale, applied);
    }

    /** Adds another sheet's sums (another seed's run) to this one. */
    public void addAll(final CalibrationSheet other) {
        for (int m = 0; m < 3; m++) {
            for (int h = 0; h <= horizon; h++) {
                sums[m][h].addAll(other.sums[m][h]);
            }
        }
    }

    /**
     * The scores of a slice.
     *
     * @param motion {@link #ALL}, {@link #MOVING} or {@link #FLAT}
     * @param step   0 for every step, else the 1-based horizon step
     */
    public SliceScores scores(final int motion, final int step) {
        return sums[motion][step].scores();
    }

    public int horizon() {
        return horizon;
    }

    private static final class Sums {
        private long pairs;
        private long covered;
        private long applied;
        private double pinball;
        private double width;
        private double scale;

        void add(final BandScore score, final double servedScale, final boolean wasApplied) {
            pairs++;
            covered += score.inside() ? 1 : 0;
            applied += wasApplied ? 1 : 0;
            pinball += score.meanPinball();
            width += score.width();
            scale += servedScale;
        }

        void addAll(final Sums o) {
            pairs += o.pairs;
            covered += o.covered;
            applied += o.applied;
            pinball += o.pinball;
            width += o.width;
            scale += o.scale;
        }

        SliceScores scores() {
            final double n = Math.max(1, pairs);
            return new SliceScores(pairs, covered / n, pinball / n, width / n, scale / n, applied / n);
        }
    }
}
