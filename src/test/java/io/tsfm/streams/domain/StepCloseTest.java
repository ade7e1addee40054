package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepCloseTest {
    private final StepClose close = new StepClose(0.40, 1_000L, "mid");

    @Test
    void neverLetsAnOlderTickReplaceANewerOne() {
        final StepClose merged = close.merge(0.90, 999L, "high");

        assertThat(merged).isSameAs(close);
    }

    @Test
    void takesTheValuesOfANewerTick() {
        final StepClose merged = close.merge(0.55, 1_001L, "high");

        assertThat(merged).isEqualTo(new StepClose(0.55, 1_001L, "high"));
    }

    @Test
    void letsTheLaterArrivalWinATie() {
        final StepClose merged = close.merge(0.60, 1_000L, "low");

        assertThat(merged).isEqualTo(new StepClose(0.60, 1_000L, "low"));
    }

    @Test
    void keepsTheKnownBucketWhenTheNewerTickHasNone() {
        final StepClose merged = close.merge(0.55, 2_000L, null);

        assertThat(merged).isEqualTo(new StepClose(0.55, 2_000L, "mid"));
    }
}
