package io.tsfm.streams.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant T1 = T0.plus(Duration.ofHours(6));
    private static final Instant T2 = T1.plus(Duration.ofHours(6));
    private static final ReportBuilder BUILDER = new ReportBuilder(Map.of(), Duration.ofDays(28), 0.05);

    private static Report report(final SyntheticPeriods s) {
        return BUILDER.build(s.period(T1, T2), s.period(T0, T1), null, "no --prometheus given");
    }

    @Test
    void findsAWorseModelOnStableInputsAndCallsItAModelRegression() {
        final SyntheticPeriods s = new SyntheticPeriods(1)
                .add("high", 5, T0, T1, 0.010, 0.5, 0, null)
                .add("high", 5, T1, T2, 0.015, 0.5, 0, null)
                .add("low", 5, T0, T2, 0.010, 0.5, 0, null);
        final Report r = report(s);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.model()).isEqualTo("mock");
            assertThat(f.segment()).isEqualTo("high");
            assertThat(f.cause()).isEqualTo("model regression");
            assertThat(f.outcome().relativeChange()).isCloseTo(0.5, within(0.05));
        });
        assertThat(r.regressionTests()).hasSize(2);
        assertThat(r.health().score()).isEqualTo(90);
    }

    @Test
    void callsAWorseSegmentWhoseInputsMovedInputDrift() {
        final SyntheticPeriods s = new SyntheticPeriods(2)
                .add("high", 5, T0, T2, 0.010, 0.5, 0, null)
                .add("low", 5, T0, T1, 0.010, 0.5, 0, null)
                .add("low", 5, T1, T2, 0.020, 0.9, 0, null);
        final Report r = report(s);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.segment()).isEqualTo("low");
            assertThat(f.cause()).isEqualTo("input drift");
            assertThat(f.evidence()).first().asString().startsWith("PSI ").contains("logit_level");
        });
        assertThat(DriftFigures.worstBySegment(r.inputDrift(), 0.2).get("high").psi())
                .isLessThan(0.2);
    }

    @Test
    void callsAWorseSegmentWithMoreFallbacksServingDegradation() {
        final SyntheticPeriods s = new SyntheticPeriods(3)
                .add("high", 5, T0, T1, 0.010, 0.5, 50, "tollama_error:timeout")
                .add("high", 5, T1, T2, 0.015, 0.5, 4, "circuit_breaker_open");
        final Report r = report(s);
        assertThat(r.findings())
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.cause()).isEqualTo("serving degradation"));
        assertThat(r.forecasts().topReasons()).first().satisfies(c -> {
            assertThat(c.label()).isEqualTo("circuit_breaker_open");
            assertThat(c.count()).isEqualTo(90);
        });
    }

    @Test
    void findsNothingWhenNothingChanged() {
        final Report r = report(new SyntheticPeriods(4).add("high", 5, T0, T2, 0.010, 0.5, 0, null));
        assertThat(r.findings()).isEmpty();
        assertThat(r.forecasts().current().forecasts()).isEqualTo(360);
        assertThat(r.forecasts().current().modelShare()).isEqualTo(1.0);
        assertThat(r.quality().coverageByStep()[4]).isZero();
        assertThat(r.quality().coverageByStep()[0]).isEqualTo(1.0);
        assertThat(r.slo().objectives())
                .filteredOn(o -> o.name().equals("model_availability"))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.compliance()).isEqualTo(1.0);
                    assertThat(o.status()).isEqualTo("met");
                    assertThat(o.source()).isEqualTo("topics");
                });
        assertThat(r.slo().objectives())
                .filteredOn(o -> o.name().equals("freshness"))
                .singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo("unknown"));
        assertThat(r.health().score()).isEqualTo(100);
    }

    @Test
    void judgesCalibrationHourlyOnTheTrailingDaysCoverageOfAThousandStepsOrMore() {
        // 5 markets x 12 boundaries x 12 steps = 720 steps an hour, 10 of every 12 inside: coverage 83.3 %
        final SyntheticPeriods s = new SyntheticPeriods(6).add("high", 5, T0, T2, 0.010, 0.5, 0, null);
        final List<ForecastScore> both = new ArrayList<>(s.period(T0, T1).scores());
        both.addAll(s.period(T1, T2).scores());
        assertThat(QualityFigures.calibrationSlices(both, T1, T2)).containsExactly(6.0, 6.0);
        // without the previous period, the first hour has 720 steps: not judged
        assertThat(QualityFigures.calibrationSlices(s.period(T1, T2).scores(), T1, T2))
                .containsExactly(5.0, 5.0);
        assertThat(report(s).slo().objectives())
                .filteredOn(o -> o.name().equals("calibration"))
                .singleElement()
                .satisfies(o -> assertThat(o.compliance()).isEqualTo(1.0));
    }

    @Test
    void comparesTheShadowCandidateWithTheServedForecastsWhenARolloutRan() {
        final SyntheticPeriods s = new SyntheticPeriods(7).add("high", 5, T0, T2, 0.010, 0.5, 0, null);
        final PeriodData current = s.period(T1, T2);
        // the candidate answered every forecast of the period with the served forecast's own median
        final List<ForecastRecord> shadows = List.copyOf(current.forecasts());
        final PeriodData withShadows = new PeriodData(
                T1, T2, current.forecasts(), current.fallbacks(), current.scores(), shadows, current.dlq());
        final Report r = BUILDER.build(withShadows, s.period(T0, T1), null, "no --prometheus given");
        assertThat(r.rollout().stages()).containsExactly("stable");
        assertThat(r.rollout().shadowForecasts()).isEqualTo(360);
        assertThat(r.rollout().shadow()).first().satisfies(row -> {
            assertThat(row.segment()).isEqualTo("all");
            assertThat(row.compared()).isEqualTo(360);
            assertThat(row.matchRate()).isEqualTo(1.0);
        });
    }

    @Test
    void bucketsADayIntoHoursAndAWeekIntoSevenHours() {
        assertThat(ReportBuilder.bucket(Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
        assertThat(ReportBuilder.bucket(Duration.ofDays(7))).isEqualTo(Duration.ofHours(7));
        assertThat(ReportBuilder.bucket(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(5));
    }
}
