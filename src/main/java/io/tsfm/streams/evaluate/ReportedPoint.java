package io.tsfm.streams.evaluate;

import static io.tsfm.streams.evaluate.HistoryEvaluation.BY_BASELINE;
import static io.tsfm.streams.evaluate.HistoryEvaluation.BY_MODEL;
import static io.tsfm.streams.evaluate.HistoryEvaluation.LAST_VALUE;
import static io.tsfm.streams.evaluate.HistoryEvaluation.SEED_EWMA;
import static io.tsfm.streams.evaluate.HistoryEvaluation.SERVED;
import static io.tsfm.streams.evaluate.HistoryEvaluation.UNCALIBRATED;

import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.domain.BandScore;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.score.ForecastScore;
import java.util.ArrayList;
import java.util.List;

/**
 * A reported point of the evaluation while its score is due: what it still needs then (activity, the last
 * value, the seed EWMA's band), and how its score goes into the quality table next to those references.
 */
record ReportedPoint(boolean active, double anchor, QuantilePaths seed) {

    /** Whether the last {@code steps} values of a context are not all equal. */
    static boolean active(final double[] values, final int steps) {
        final double last = values[values.length - 1];
        for (int i = Math.max(0, values.length - steps); i < values.length; i++) {
            if (values[i] != last) {
                return true;
            }
        }
        return false;
    }

    /** Adds the point's score: the served forecast, uncalibrated, and the last value and seed EWMA references. */
    void addTo(final QualityTable table, final ForecastScore score, final double[] levels) {
        final int horizon = score.steps().size();
        final List<BandScore> served = new ArrayList<>(horizon);
        final List<BandScore> uncalibrated = new ArrayList<>(horizon);
        final List<BandScore> last = new ArrayList<>(horizon);
        final List<BandScore> bySeed = new ArrayList<>(horizon);
        final double[] flat = new double[levels.length];
        java.util.Arrays.fill(flat, anchor);
        for (int k = 0; k < horizon; k++) {
            final ForecastScore.Step s = score.steps().get(k);
            served.add(BandScore.of(levels, s.served().quantiles(), s.realised()));
            uncalibrated.add(BandScore.of(levels, s.uncalibrated().quantiles(), s.realised()));
            last.add(BandScore.of(levels, flat, s.realised()));
            final double[] band = new double[levels.length];
            for (int i = 0; i < levels.length; i++) {
                band[i] = seed.value(i, k);
            }
            bySeed.add(BandScore.of(levels, band, s.realised()));
        }
        final String group = ForecastFactory.RUNTIME_BASELINE.equals(score.runtime()) ? BY_BASELINE : BY_MODEL;
        table.add(group, SERVED, active, served);
        table.add(group, UNCALIBRATED, active, uncalibrated);
        table.add(group, LAST_VALUE, active, last);
        table.add(group, SEED_EWMA, active, bySeed);
    }
}
