package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The requirement behind docs/forecaster.md on a configuration small enough for a unit test:
 * local-ets-damped must beat the flat last-value forecast on mean pinball loss.
 */
class EvaluationTest {

    /** 1 seed, 20 markets, 36 h, every 6th boundary: about 900 forecasts per candidate, a few seconds. */
    private static final EvaluationOptions SMALL = new EvaluationOptions(List.of(1L), 20, 36, 6);

    @Test
    void etsHasALowerMeanPinballLossThanFlatLastValueOnSimulatedMarkets() {
        final EvaluationResult result = Evaluation.withDefaults().run(SMALL);

        final Scores ets = result.candidate(Candidates.ETS).overall();
        final Scores flat = result.candidate(Candidates.FLAT).overall();
        assertThat(result.forecasts()).isGreaterThan(500);
        assertThat(ets.pairs()).isEqualTo(flat.pairs()).isEqualTo(12 * result.forecasts());
        assertThat(ets.pinball()).isLessThan(flat.pinball());
        // the flat forecast's band is the post-processor's 0.02 minimum width, far too narrow to cover 80 %
        assertThat(flat.width()).isLessThanOrEqualTo(0.0201);
        assertThat(flat.coverage()).isLessThan(0.7);
        assertThat(ets.coverage()).isBetween(0.7, 0.9);
    }
}
