package io.tsfm.streams.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextAssemblerTest {
    private static final long STEP = 300_000L;
    private static final int INPUT_LEN = 6;
    private static final int LOOKBACK = 3;
    private static final long AS_OF = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    /** Start of the first step of the window: the window's steps are 0..5, the look-back is -3..-1. */
    private static final long WINDOW_START = AS_OF - INPUT_LEN * STEP;

    private final ContextAssembler assembler =
            new ContextAssembler(Grid.of(Duration.ofMinutes(5)), INPUT_LEN, LOOKBACK);

    /** An observed step at index {@code i} of the window whose last tick came 70 s into the step. */
    private static ObservedStep step(final int i, final double p) {
        return step(i, p, "mid");
    }

    private static ObservedStep step(final int i, final double p, final String bucket) {
        final long start = WINDOW_START + i * STEP;
        return new ObservedStep(start, new StepClose(p, start + 70_000L, bucket));
    }

    @Test
    void asksForTheWindowAndTheLookBack() {
        assertThat(assembler.fetchFromStepStart(AS_OF)).isEqualTo(AS_OF - 9 * STEP);
        assertThat(assembler.fetchToStepStart(AS_OF)).isEqualTo(AS_OF - STEP);
    }

    @Test
    void forwardFillsStepsWithoutTicks() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(0, 0.2), step(3, 0.5)));

        assertThat(context.values()).containsExactly(0.2, 0.2, 0.2, 0.5, 0.5, 0.5);
        assertThat(context.observedSteps()).isEqualTo(2);
        assertThat(context.asOfMs()).isEqualTo(AS_OF);
        assertThat(context.stepMs()).isEqualTo(STEP);
    }

    @Test
    void seedsTheLeadingEmptyStepsFromTheLookBack() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(-2, 0.3), step(2, 0.6)));

        assertThat(context.values()).containsExactly(0.3, 0.3, 0.6, 0.6, 0.6, 0.6);
        assertThat(context.observedSteps()).isEqualTo(1);
    }

    @Test
    void seedsFromTheLatestLookBackStep() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(-3, 0.1), step(-1, 0.4), step(1, 0.7)));

        assertThat(context.values()).containsExactly(0.4, 0.7, 0.7, 0.7, 0.7, 0.7);
    }

    @Test
    void measuresTheWidestGapBetweenObservedStepStarts() {
        final MarketContext context =
                assembler.assemble(AS_OF, List.of(step(0, 0.2), step(1, 0.3), step(4, 0.4), step(5, 0.5)));

        assertThat(context.maxGapMs()).isEqualTo(3 * STEP);
    }

    @Test
    void countsTheGapFromTheSeedToTheFirstStepInTheWindow() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(-3, 0.2), step(2, 0.3), step(3, 0.4)));

        assertThat(context.maxGapMs()).isEqualTo(5 * STEP);
    }

    @Test
    void reportsNoGapForConsecutiveSteps() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(4, 0.2), step(5, 0.3)));

        assertThat(context.maxGapMs()).isEqualTo(STEP);
    }

    @Test
    void reportsAZeroGapForASingleObservedStep() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(5, 0.2)));

        assertThat(context.maxGapMs()).isZero();
        assertThat(context.values()).containsExactly(0.2);
    }

    @Test
    void capsTheContextAtTheInputLength() {
        final MarketContext context = assembler.assemble(
                AS_OF,
                List.of(
                        step(-3, 0.05),
                        step(-2, 0.1),
                        step(-1, 0.15),
                        step(0, 0.2),
                        step(1, 0.3),
                        step(2, 0.4),
                        step(3, 0.5),
                        step(4, 0.6),
                        step(5, 0.7)));

        assertThat(context.length()).isEqualTo(INPUT_LEN);
        assertThat(context.values()).containsExactly(0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
        assertThat(context.observedSteps()).isEqualTo(6);
    }

    @Test
    void givesAYoungerMarketAShorterContext() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(3, 0.2), step(5, 0.4)));

        assertThat(context.values()).containsExactly(0.2, 0.2, 0.4);
        assertThat(context.closeAt(0)).isEqualTo(AS_OF - 2 * STEP);
        assertThat(context.closeAt(2)).isEqualTo(AS_OF);
    }

    @Test
    void returnsNullWhenNoStepFallsInsideTheWindow() {
        assertThat(assembler.assemble(AS_OF, List.of(step(-3, 0.2), step(-1, 0.3))))
                .isNull();
        assertThat(assembler.assemble(AS_OF, List.of())).isNull();
    }

    @Test
    void ignoresStepsAfterAsOf() {
        final MarketContext context =
                assembler.assemble(AS_OF, List.of(step(2, 0.2, "mid"), step(6, 0.9, "low"), step(7, 0.95, "low")));

        assertThat(context.values()).containsExactly(0.2, 0.2, 0.2, 0.2);
        assertThat(context.observedSteps()).isEqualTo(1);
        assertThat(context.lastTickMs()).isEqualTo(WINDOW_START + 2 * STEP + 70_000L);
        assertThat(context.liquidityBucket()).isEqualTo("mid");
    }

    @Test
    void returnsNullWhenTheOnlyStepsAreAfterAsOf() {
        assertThat(assembler.assemble(AS_OF, List.of(step(6, 0.9)))).isNull();
    }

    @Test
    void refusesAnAsOfOffTheGrid() {
        assertThatThrownBy(() -> assembler.assemble(AS_OF + 1, List.of(step(0, 0.2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("as_of must be on the grid");
    }

    @Test
    void takesTheLastTickAndTheBucketFromTheLastObservedStep() {
        final MarketContext context = assembler.assemble(AS_OF, List.of(step(1, 0.2, "high"), step(3, 0.3, "low")));

        assertThat(context.lastTickMs()).isEqualTo(WINDOW_START + 3 * STEP + 70_000L);
        assertThat(context.liquidityBucket()).isEqualTo("low");
        assertThat(context.sinceLastTickMs()).isEqualTo(2 * STEP + 230_000L);
    }

    @Test
    void rejectsAnEmptyInputLengthOrANegativeLookBack() {
        final Grid grid = new Grid(STEP);

        assertThatThrownBy(() -> new ContextAssembler(grid, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ContextAssembler(grid, 6, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
