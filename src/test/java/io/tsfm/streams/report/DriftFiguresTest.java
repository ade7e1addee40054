package io.tsfm.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.drift.Histogram;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftFiguresTest {
    @Test
    void chanceAloneGivesBinsLessOneTimesTheSumOfTheInverseSampleSizes() {
        final Histogram a = new Histogram(new long[] {3, 4, 3, 0, 0});
        final Histogram b = new Histogram(new long[] {0, 2, 2, 1, 0});
        // four bins hold values: 3 * (1/10 + 1/5)
        assertThat(DriftFigures.noise(a, b, 10, 5)).isCloseTo(0.9, within(1e-12));
        assertThat(DriftFigures.noise(a, b, 0, 5)).isZero();
    }

    @Test
    void countsTheMarketsOfEachSideAndPicksTheRowFurthestAboveItsBar() {
        final Instant t0 = Instant.parse("2026-11-20T00:00:00Z");
        final Instant t1 = t0.plus(Duration.ofHours(4));
        final Instant t2 = t1.plus(Duration.ofHours(4));
        final SyntheticPeriods s = new SyntheticPeriods(9)
                .add("mid", 6, t0, t1, 0.01, 0.5, 0, null)
                .add("mid", 6, t1, t2, 0.01, 0.9, 0, null);
        final List<DriftFigures.Row> rows =
                DriftFigures.of(s.period(t0, t1).scores(), s.period(t1, t2).scores());
        assertThat(rows).hasSize(2).allSatisfy(r -> {
            assertThat(r.previousMarkets()).isEqualTo(6);
            assertThat(r.currentMarkets()).isEqualTo(6);
            assertThat(r.previousValues()).isEqualTo(288);
        });
        final DriftFigures.Row level = DriftFigures.worstBySegment(rows, 0.2).get("mid");
        assertThat(level.feature()).isEqualTo("logit_level");
        assertThat(level.psi()).isGreaterThan(level.noise()).isGreaterThan(1.0);
    }
}
