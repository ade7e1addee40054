package io.tsfm.streams.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.Transform;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The default fallback: {@link EmpiricalMoves} over the context's last finite values, in logit space. */
class EmpiricalBaselineTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final Transform LOGIT = Transform.logit();

    /** What the baseline must answer: the moves of {@code x} (probabilities) in logit space, mapped back. */
    private static double[][] expected(final double[] x, final int horizon) {
        final double[] logits = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            logits[i] = LOGIT.forward(x[i]);
        }
        final double[][] paths = EmpiricalMoves.forecast(logits, horizon, LEVELS);
        for (final double[] path : paths) {
            for (int k = 0; k < path.length; k++) {
                path[k] = LOGIT.inverse(path[k]);
            }
        }
        return paths;
    }

    @Test
    void forecastsFromTheLastMaxPointsValuesOfTheContext() {
        final double[] context = {0.9, 0.1, 0.5, 0.5, 0.52, 0.5, 0.48, 0.5, 0.5, 0.53, 0.5, 0.47};

        final double[][] paths =
                new EmpiricalBaseline(10, LOGIT).forecast(context, LEVELS, 2).toArray();

        assertThat(paths).isDeepEqualTo(expected(Arrays.copyOfRange(context, 2, 12), 2));
        assertThat(paths[1]).containsExactly(0.47, 0.47);
        assertThat(paths[0][0]).isLessThan(0.47);
        assertThat(paths[2][0]).isGreaterThan(0.47);
    }

    @Test
    void skipsTheValuesThatAreNotFinite() {
        final double[] context = {
            0.5, Double.NaN, 0.52, 0.5, 0.48, Double.POSITIVE_INFINITY, 0.5, 0.53, 0.5, 0.47, Double.NaN
        };

        final double[][] paths =
                new EmpiricalBaseline(288, LOGIT).forecast(context, LEVELS, 3).toArray();

        assertThat(paths).isDeepEqualTo(expected(new double[] {0.5, 0.52, 0.5, 0.48, 0.5, 0.53, 0.5, 0.47}, 3));
        assertThat(paths[1]).containsExactly(0.47, 0.47, 0.47);
    }

    @Test
    void refusesAContextWithoutAFiniteValue() {
        final EmpiricalBaseline baseline = new EmpiricalBaseline(288, LOGIT);

        assertThatThrownBy(() -> baseline.forecast(new double[] {Double.NaN}, LEVELS, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the context needs at least one finite value");
    }
}
