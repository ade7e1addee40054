package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.Tick;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One market's grid: the step store's merge rule, store-like fetches and forward-filled realised values. */
class MarketStepsTest {

    private static final long MINUTE = 60_000L;
    private static final long STEP = 5 * MINUTE;
    private static final long START = 1_767_571_200_000L; // 2026-01-05T00:00:00Z

    private static Tick tick(final long tsMs, final double p) {
        return new Tick("m-0001", tsMs, p, "mid", null, null);
    }

    private static MarketSteps steps() {
        final MarketSteps steps = new MarketSteps(new Grid(STEP), START, 6);
        steps.add(tick(START + STEP + MINUTE, 0.40));
        steps.add(tick(START + STEP + 3 * MINUTE, 0.45));
        steps.add(tick(START + STEP + 2 * MINUTE, 0.99)); // older than the 0.45 tick of the same step
        steps.add(tick(START + 4 * STEP + MINUTE, 0.60));
        return steps;
    }

    @Test
    void theNewestTickOfAStepIsItsClose() {
        assertThat(steps().valueAtClose(START + 2 * STEP)).isEqualTo(0.45);
    }

    @Test
    void stepsWithoutTicksCarryTheLastCloseForward() {
        final MarketSteps steps = steps();

        assertThat(steps.valueAtClose(START + 3 * STEP)).isEqualTo(0.45);
        assertThat(steps.valueAtClose(START + 4 * STEP)).isEqualTo(0.45);
        assertThat(steps.valueAtClose(START + 5 * STEP)).isEqualTo(0.60);
        assertThat(steps.valueAtClose(START + 6 * STEP)).isEqualTo(0.60);
    }

    @Test
    void beforeTheFirstTickThereIsNoValue() {
        assertThat(steps().valueAtClose(START + STEP)).isNaN();
    }

    @Test
    void aFetchReturnsOnlyObservedStepsInsideTheRangeAscending() {
        final List<ObservedStep> observed = steps().observed(START - 10 * STEP, START + 3 * STEP);

        assertThat(observed).extracting(ObservedStep::stepStartMs).containsExactly(START + STEP);
        assertThat(steps().observed(START, START + 5 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.45, 0.60);
    }
}
