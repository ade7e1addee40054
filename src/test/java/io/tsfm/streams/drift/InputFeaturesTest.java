package io.tsfm.streams.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.MarketContext;
import org.junit.jupiter.api.Test;

class InputFeaturesTest {

    @Test
    void theLevelIsTheLogitAndTheChangeTheLogitDifference() {
        // logit(0.5) = 0; logit(0.7310585786300049) = 1 (sigmoid(1))
        final InputFeatures features = InputFeatures.of(0.5, 0.7310585786300049);

        assertThat(features.level()).isCloseTo(1.0, within(1e-12));
        assertThat(features.change()).isCloseTo(1.0, within(1e-12));
        assertThat(features.value(Feature.LOGIT_LEVEL)).isEqualTo(features.level());
        assertThat(features.value(Feature.LOGIT_CHANGE_5M)).isEqualTo(features.change());
    }

    @Test
    void resolvedProbabilitiesAreClippedAtOneMillionth() {
        // logit(1 - 1e-6) = ln(999999) = 13.815510
        assertThat(InputFeatures.of(Double.NaN, 1.0).level()).isCloseTo(Math.log(999_999), within(1e-6));
        assertThat(InputFeatures.of(Double.NaN, 0.0).level()).isCloseTo(-Math.log(999_999), within(1e-6));
    }

    @Test
    void theContextsNewestValueAndItsLastStepAreTheFeatures() {
        final MarketContext context =
                new MarketContext(600_000L, 300_000L, new double[] {0.2, 0.5, 0.5}, 3, 0L, 600_000L, "high");

        final InputFeatures features = InputFeatures.ofContext(context);

        assertThat(features.level()).isZero();
        assertThat(features.change()).isZero();
    }

    @Test
    void aSingleValueContextHasALevelButNoChange() {
        final MarketContext context = new MarketContext(300_000L, 300_000L, new double[] {0.5}, 1, 0L, 300_000L, "mid");

        final InputFeatures features = InputFeatures.ofContext(context);

        assertThat(features.hasChange()).isFalse();
        assertThat(features.value(Feature.LOGIT_CHANGE_5M)).isNaN();
    }

    @Test
    void theSegmentIsTheLiquidityBucket() {
        assertThat(InputSegment.of("high")).isEqualTo("high");
        assertThat(InputSegment.of(null)).isEqualTo("unknown");
        assertThat(InputSegment.of(" ")).isEqualTo("unknown");
    }
}
