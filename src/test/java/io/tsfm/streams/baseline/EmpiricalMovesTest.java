package io.tsfm.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmpiricalMovesTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    @Test
    void takesTheLastValueAsMedianAndTheSeriesOwnMovesAsBand() {
        // one-step moves: +1, -1, +2, 0, -2, 0, +1, 0, 0, 0 (sorted: -2 -1 0 0 0 0 0 1 1 2)
        final double[] x = {0, 1, 0, 2, 2, 0, 0, 1, 1, 1, 1};
        final double[][] q = EmpiricalMoves.forecast(x, 1, LEVELS);
        // type 7: position 0.9 between -2 and -1 -> -1.1; position 8.1 between 1 and 2 -> 1.1
        assertThat(q[0][0]).isCloseTo(1 - 1.1, within(1e-12));
        assertThat(q[1][0]).isEqualTo(1.0);
        assertThat(q[2][0]).isCloseTo(1 + 1.1, within(1e-12));
    }

    @Test
    void givesASeriesThatNeverMovedAZeroWidthBand() {
        final double[] x = new double[288];
        Arrays.fill(x, -0.2);
        final double[][] q = EmpiricalMoves.forecast(x, 12, LEVELS);
        for (int k = 0; k < 12; k++) {
            assertThat(new double[] {q[0][k], q[1][k], q[2][k]}).containsOnly(-0.2);
        }
    }

    @Test
    void bandsNoSideOnASingleJumpInItsDirection() {
        // a short context, one rise of 0.5 at step 10 and one fall of 0.3 at step 25: at h = 12 the rise is in
        // 12 of 28 origins, the fall in 3, so a tenth of the origins alone would band the upper side on one event
        final double[] x = new double[40];
        for (int i = 10; i < x.length; i++) {
            x[i] = i < 25 ? 0.5 : 0.2;
        }
        final double[][] one = EmpiricalMoves.forecast(x, 12, LEVELS);
        assertThat(new double[] {one[0][11], one[1][11], one[2][11]}).containsOnly(0.2);

        // a second rise, of 0.1 at step 30: two events up now band the upper side; still one down
        for (int i = 30; i < x.length; i++) {
            x[i] = 0.3;
        }
        final double[][] two = EmpiricalMoves.forecast(x, 12, LEVELS);
        assertThat(two[0][11]).isEqualTo(0.3);
        assertThat(two[1][11]).isEqualTo(0.3);
        assertThat(two[2][11]).isCloseTo(0.3 + 0.5, within(1e-12));
    }

    @Test
    void keepsTheLastValueInsideTheBandWhenEveryMoveWasUpward() {
        final double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.1;
        }
        final double[][] q = EmpiricalMoves.forecast(x, 3, LEVELS);
        assertThat(q[0][2]).isEqualTo(x[39]);
        assertThat(q[2][2]).isCloseTo(x[39] + 0.3, within(1e-12));
    }

    @Test
    void bandsOnlyTheStepsWhereAnHourlyObservationCanArrive() {
        // an hourly price on the 5-minute grid: it can change only on every 12th step (index 0 mod 12); the
        // context ends 6 steps after the last hourly observation, so the next one is at step 6
        final Random random = new Random(7);
        final double[] x = new double[24 * 12 - 6];
        double level = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (i % 12 == 0 && random.nextBoolean()) {
                level += random.nextBoolean() ? 0.1 : -0.1;
            }
            x[i] = level;
        }
        assertThat(EmpiricalMoves.cadence(x)).isEqualTo(12);
        final double[][] q = EmpiricalMoves.forecast(x, 12, LEVELS);
        final double last = x[x.length - 1];
        for (int k = 0; k < 6; k++) {
            assertThat(q[0][k]).as("step %d", k + 1).isEqualTo(last);
            assertThat(q[2][k]).as("step %d", k + 1).isEqualTo(last);
        }
        for (int k = 6; k < 12; k++) {
            assertThat(q[2][k] - q[0][k]).as("step %d", k + 1).isGreaterThan(0.1);
        }
    }

    @Test
    void seesNoCadenceInAFewChangesThatShareAPhaseByChance() {
        final double[] x = new double[288];
        // three changes 10 steps apart: 10^2 = 100 < 1000, not enough evidence
        for (int i = 0; i < x.length; i++) {
            x[i] = i >= 100 ? (i >= 110 ? (i >= 120 ? 0.3 : 0.2) : 0.1) : 0.0;
        }
        assertThat(EmpiricalMoves.cadence(x)).isEqualTo(1);
        // ten changes on the same phase of 5: 5^9 is far beyond chance
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(i / 5, 10) * 0.1;
        }
        assertThat(EmpiricalMoves.cadence(x)).isEqualTo(5);
    }

    @Test
    void selectsTheSameQuantileASortWould() {
        final Random random = new Random(11);
        for (int run = 0; run < 500; run++) {
            final int n = 2 + random.nextInt(300);
            final double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                // many ties, as real moves have
                values[i] = random.nextInt(7) - 3 + (random.nextInt(4) == 0 ? random.nextGaussian() : 0.0);
            }
            final double[] sorted = values.clone();
            Arrays.sort(sorted);
            for (final double level : new double[] {0.05, 0.1, 0.5, 0.9, 0.95}) {
                final double pos = (n - 1) * level;
                final int lo = (int) Math.floor(pos);
                final double expected = sorted[lo] + (pos - lo) * (sorted[Math.min(lo + 1, n - 1)] - sorted[lo]);
                assertThat(EmpiricalMoves.quantile(values.clone(), n, level)).isEqualTo(expected);
            }
        }
    }

    @Test
    void answersExactlyAsAFullSelectionOnSeriesThatMostlySitStill() {
        final Random random = new Random(11);
        final double[] levels = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};
        for (int run = 0; run < 300; run++) {
            final double[] x = new double[2 + random.nextInt(300)];
            x[0] = 0.5;
            final double moveShare = random.nextInt(5) == 0 ? 0.6 : 0.04;
            for (int i = 1; i < x.length; i++) {
                x[i] = x[i - 1] + (random.nextDouble() < moveShare ? 0.01 * (random.nextInt(5) - 2) : 0.0);
            }
            final double[][] forecast = EmpiricalMoves.forecast(x, 12, levels);
            final int period = EmpiricalMoves.cadence(x);
            int rises = 0;
            int falls = 0;
            for (int i = 1; i < x.length; i++) {
                rises += x[i] > x[i - 1] ? 1 : 0;
                falls += x[i] < x[i - 1] ? 1 : 0;
            }
            for (int h = 1; h <= 12; h++) {
                final double[] moves = new double[x.length];
                int count = 0;
                for (int j = x.length - 1 - period * ((h + period - 1) / period); j >= 0; j -= period) {
                    moves[count++] = x[j + h] - x[j];
                }
                for (int i = 0; i < levels.length; i++) {
                    final int sideChanges = levels[i] < 0.5 ? falls : rises;
                    final double move = count < EmpiricalMoves.MIN_MOVES
                                    || levels[i] == 0.5
                                    || sideChanges < EmpiricalMoves.MIN_CHANGES_PER_SIDE
                            ? 0.0
                            : EmpiricalMoves.quantile(moves, count, levels[i]);
                    final double edge = x[x.length - 1] + (levels[i] < 0.5 ? Math.min(move, 0.0) : Math.max(move, 0.0));
                    assertThat(forecast[i][h - 1])
                            .as("run %d, step %d, level %s", run, h, levels[i])
                            .isEqualTo(edge);
                }
            }
        }
    }

    @Test
    void tellsFromTheCountsWhenAnEdgeIsTheLastValue() {
        // 11 moves, 1 fall, 2 rises: the 0.1 quantile's ranks (1.0) lie past the one fall, the 0.9 quantile's
        // (9.0) inside the two rises; with 2 falls the 0.1 quantile's rank 1 is the second fall
        assertThat(EmpiricalMoves.staysOnTheMedian(11, 1, 2, 0.1)).isTrue();
        assertThat(EmpiricalMoves.staysOnTheMedian(11, 2, 2, 0.1)).isFalse();
        assertThat(EmpiricalMoves.staysOnTheMedian(11, 1, 2, 0.9)).isFalse();
        assertThat(EmpiricalMoves.staysOnTheMedian(11, 1, 1, 0.9)).isTrue();
    }
}
