package io.tsfm.streams.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.ForecastMeta;
import io.tsfm.streams.domain.ForecastRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShadowReportTest {
    private static final Instant FROM = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T01:00:00Z");

    private static ForecastRecord record(
            final String market,
            final String asOf,
            final String model,
            final double lastMedian,
            final Long latency,
            final String fallback) {
        final CalibrationMeta calibration = new CalibrationMeta(
                "applied",
                "quantile_tracking",
                "high|moving",
                1,
                new double[] {1.0},
                new double[] {1.0},
                new double[] {1.0},
                new long[] {60});
        final ForecastMeta meta = new ForecastMeta(
                fallback == null ? "tollama" : "baseline",
                model,
                "v",
                null,
                288,
                new ForecastMeta.TransformMeta("logit", 1e-6),
                List.of(),
                fallback != null,
                fallback,
                "closed",
                "tsfm",
                "shadow",
                latency,
                1,
                1,
                calibration,
                "shadow");
        return new ForecastRecord(
                1,
                market,
                asOf,
                "5m",
                1,
                new double[] {0.1, 0.5, 0.9},
                Map.of("0.1", new double[] {lastMedian - 0.1}, "0.5", new double[] {lastMedian}, "0.9", new double[] {
                    lastMedian + 0.1
                }),
                meta);
    }

    @Test
    void comparesShadowsWithTheServedForecastsOfTheRange() {
        final List<ForecastRecord> served = List.of(
                record("m-1", "2026-11-20T00:05:00Z", "chronos2", 0.50, 100L, null),
                record("m-2", "2026-11-20T00:05:00Z", "chronos2", 0.50, 200L, null),
                record("m-3", "2026-11-20T00:05:00Z", "chronos2", 0.50, 100L, null));
        final List<ForecastRecord> shadows = List.of(
                record("m-1", "2026-11-20T00:05:00Z", "timesfm", 0.53, 300L, null), // within 0.05: match
                record("m-2", "2026-11-20T00:05:00Z", "timesfm", 0.60, 400L, null), // 0.10 apart: no match
                record("m-3", "2026-11-20T00:05:00Z", "ewma_baseline", 0.50, null, "deadline_exceeded"),
                record("m-1", "2026-11-20T02:00:00Z", "timesfm", 0.50, 300L, null)); // outside the range
        final List<ShadowReport.Row> rows = ShadowReport.of(served, shadows, List.of(), FROM, TO, 0.05);
        assertThat(rows).extracting(ShadowReport.Row::segment).containsExactly("all", "high|moving");
        final ShadowReport.Row all = rows.get(0);
        assertThat(all.candidate()).isEqualTo("timesfm");
        assertThat(all.shadowForecasts()).isEqualTo(3);
        assertThat(all.candidateFallbacks()).isEqualTo(1);
        assertThat(all.candidateFallbackRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(all.compared()).isEqualTo(2);
        assertThat(all.matchRate()).isEqualTo(0.5);
        assertThat(all.servedLatencyMs()).isEqualTo(150.0);
        assertThat(all.shadowLatencyMs()).isEqualTo(350.0);
        assertThat(all.scored()).isZero();
        assertThat(ShadowReport.markdown(rows))
                .contains("| all | timesfm | 3 | 33.3 % | 2 | 50.0 % | 150 | 350 | 0 |")
                .contains("| high\\|moving | timesfm |"); // the segment's pipe is escaped for Markdown
        final List<ShadowReport.Row> byMarket =
                ShadowReport.of(served, shadows, List.of(), FROM, TO, 0.05, ShadowReport.GroupBy.MARKET);
        assertThat(byMarket).extracting(ShadowReport.Row::segment).containsExactly("all", "m-1", "m-2", "m-3");
        assertThat(byMarket.get(1).matchRate()).isEqualTo(1.0);
        assertThat(byMarket.get(2).matchRate()).isEqualTo(0.0);
        assertThat(byMarket.get(3).candidateFallbackRate()).isEqualTo(1.0);
    }
}
