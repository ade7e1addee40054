package io.tsfm.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CycleFiguresTest {
    private static CycleFigures.Run run(final double totalMs, final double fromTriggerMs, final double... delays) {
        // 158 requests at 90 ms, 8 in flight: the model alone needed 1,777.5 ms
        return new CycleFigures.Run(
                totalMs,
                fromTriggerMs,
                10_000,
                10_000 * 1000.0 / totalMs,
                delays,
                1.0,
                700,
                158,
                90,
                55,
                181_818,
                80,
                158 * 90.0 / 8,
                new ThreadCpu.Split(700, 850, 330, 660, 780, 1_000));
    }

    @Test
    void judgesEachRunAgainstWhatTheModelAloneNeeded() {
        final CycleFigures.Run r = run(2_133, 2_310.75, 1_000, 1_800, 1_900);

        assertThat(r.cycleOverModelBound()).isCloseTo(1.2, within(1e-9));
        assertThat(r.fromTriggerOverModelBound()).isCloseTo(1.3, within(1e-9));
        assertThat(r.p95OverModelBoundMs()).isCloseTo(122.5, within(1e-9));
        assertThat(r.line(10_000, "run 1", 10_000))
                .contains("in 2133 ms")
                .contains("model-bound 1778 ms (cycle 1.20x, from trigger 1.30x)")
                .contains("p95 1900");
    }

    @Test
    void reportsTheRatiosOfEveryRunBesideTheTimes() {
        final CycleFigures figures = new CycleFigures();
        figures.add(run(2_133, 2_311.5, 1_000));
        figures.add(run(1_777.5, 1_955.25, 1_000));
        final BenchReport report = new BenchReport();

        figures.report(report, "cycle (10000 markets)", 64_000);

        assertThat(report.rows())
                .filteredOn(row -> row.metric().startsWith("cycle / model-bound"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.values().get(0)).isCloseTo(1.2, within(1e-9));
                    assertThat(row.values().get(1)).isCloseTo(1.0, within(1e-9));
                });
    }
}
