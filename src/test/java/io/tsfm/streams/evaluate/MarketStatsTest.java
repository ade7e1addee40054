package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketStatsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void countsUnchangedStepsMoveSizesInTicksGapsAndReversals() {
        // one market on a 0.01 grid, a tick per 5-minute step: 0.50 0.50 0.51 0.51 0.51 0.49 0.49 0.52
        final double[] prices = {0.50, 0.50, 0.51, 0.51, 0.51, 0.49, 0.49, 0.52};
        final List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            ticks.add(new Tick("m", T0.plus(Duration.ofMinutes(5L * i)).toEpochMilli(), prices[i], null, null, null));
        }
        final MarketStats stats = MarketStats.of(MarketHistory.of(ticks, Grid.of(Duration.ofMinutes(5))), 300_000);

        // 7 steps, 3 moves (+1, -2, +3 ticks) at steps 2, 5 and 7
        assertThat(stats.steps()).isEqualTo(7);
        assertThat(stats.unchanged()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(stats.sizeShares()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, 0, 0}, within(1e-12));
        assertThat(stats.medianSize()).isEqualTo(2.0);
        assertThat(stats.meanGap()).isEqualTo(2.5);
        assertThat(stats.reversals()).isEqualTo(1.0);
    }
}
