package io.tsfm.streams.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthScoreTest {
    @Test
    void isAHundredWhenEveryObjectiveIsMetWithNoBudgetBurnedAndNoFindings() {
        assertThat(HealthScore.of(List.of(new HealthScore.Objective("validity", 0.999, 1.0, 0.0)), 0))
                .isEqualTo(new HealthScore.Score(100, 0, 0, 0));
    }

    @Test
    void deductsFifteenPerViolationTwentyTimesTheWorstBurnAndTenPerFinding() {
        final HealthScore.Score s = HealthScore.of(
                List.of(
                        new HealthScore.Objective("freshness", 0.995, 0.990, 0.25),
                        new HealthScore.Objective("validity", 0.999, 0.9995, 0.04),
                        new HealthScore.Objective("liveness", 0.995, Double.NaN, Double.NaN)),
                2);
        // 100 - 15 - 20 * 0.25 - 20 = 60
        assertThat(s).isEqualTo(new HealthScore.Score(60, 15, 5, 20));
    }

    @Test
    void capsEachDeductionAndNeverGoesBelowZero() {
        final List<HealthScore.Objective> bad = List.of(
                new HealthScore.Objective("a", 0.99, 0.5, 3.0),
                new HealthScore.Objective("b", 0.99, 0.5, 1.0),
                new HealthScore.Objective("c", 0.99, 0.5, 1.0),
                new HealthScore.Objective("d", 0.99, 0.5, 1.0));
        assertThat(HealthScore.of(bad, 9)).isEqualTo(new HealthScore.Score(0, 45, 20, 40));
        assertThat(HealthScore.of(bad, 3).score()).isEqualTo(5);
    }
}
