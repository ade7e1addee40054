package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calibration report on a hand-made result, so every printed figure is known. */
class CalibrationReportTest {
    private static final String TRACKING = "quantile_tracking lr=0.01";
    private static final String ROLLING_SERVED = "rolling_quantile window=500 +served-err";
    private static final SliceScores NONE = new SliceScores(0, 0, 0, 0, 0, 0);

    private static SliceScores moving(final double coverage, final double pinball, final double scale) {
        return new SliceScores(1_200, coverage, pinball, 0.05, scale, scale == 1.0 ? 0.0 : 1.0);
    }

    /** A method whose moving coverage is {@code first} at step 1 and {@code rest} at steps 2..12. */
    private static MethodScores method(final String name, final double first, final double rest,
                                       final double pinball, final double scale) {
        final List<StepScores> steps = new ArrayList<>();
        for (int h = 1; h <= 12; h++) {
            final SliceScores s = moving(h == 1 ? first : rest, pinball, scale);
            steps.add(new StepScores(h, s, s, NONE));
        }
        final SliceScores all = moving((first + 11 * rest) / 12, pinball, scale);
        return new MethodScores(name, all, all, NONE, steps);
    }

    private static CalibrationResult result() {
        final List<MethodScores> scored = List.of(method(CalibrationMethod.UNCALIBRATED, 0.90, 0.85, 0.0060, 1.0),
                method(TRACKING, 0.90, 0.80, 0.0059, 1.1), method(ROLLING_SERVED, 0.79, 0.79, 0.0061, 0.9));
        final List<MethodScores> holdout = new ArrayList<>(scored);
        holdout.add(method(CalibrationMethod.OFFLINE_CONFORMAL, 0.95, 0.70, 0.0070, 1.2));
        final ForecasterCalibration ets = new ForecasterCalibration("local-ets-damped", 300, 100, 50, scored, holdout);
        return new CalibrationResult(new CalibrationOptions(List.of(1L, 2L), 5, 2, 1, 1),
                new double[] {0.1, 0.5, 0.9},
                new CalibrationResult.Periods("2026-01-05T00:00:00Z", "2026-01-06T00:00:00Z", "2026-01-06T11:30:00Z",
                        "2026-01-06T11:30:00Z", "2026-01-06T23:00:00Z", "2026-01-07T00:00:00Z"),
                300, Map.of("max_gap_exceeded", 1_234L), List.of(ets));
    }

    @Test
    void printsTheRunTheTablesAndARowPerMethodInMarkdown() {
        final String md = CalibrationReport.markdown(result());

        assertThat(md).startsWith("Seeds 1,2, 5 markets, 2 days each (first 1 day(s) warm-up: learnt from, not reported),"
                        + " a forecast at 1 boundary in 1: 300 contexts forecast by each forecaster (gated, not forecast:"
                        + " max_gap_exceeded 1,234).")
                .contains("Reported period: forecasts made from 2026-01-06T00:00:00Z to 2026-01-06T23:00:00Z.")
                .contains("coverage of the served q0.1..q0.9 band / mean pinball loss")
                .contains("#### local-ets-damped, reported period (100 forecasts)")
                .contains("#### local-ets-damped, holdout: second half of the reported period (50 forecasts)")
                .contains("| method | all | moving | flat | moving h=1 | moving h=6 | moving h=12 | steps in 80±2"
                        + " | mean dev | Δ pinball | width | scale |")
                .contains("| uncalibrated | 85.4 % / 0.00600 | 85.4 % / 0.00600 | - | 90.0 % / 0.00600"
                        + " | 85.0 % / 0.00600 | 85.0 % / 0.00600 | 0/12 | 5.4 | - | 0.0500 | 1.000 |")
                .contains("| " + TRACKING + " | 80.8 % / 0.00590 | 80.8 % / 0.00590 | - | 90.0 % / 0.00590"
                        + " | 80.0 % / 0.00590 | 80.0 % / 0.00590 | 11/12 | 0.8 | -1.7 % | 0.0500 | 1.100 |")
                .contains("| " + CalibrationMethod.OFFLINE_CONFORMAL + " | 72.1 % / 0.00700 |");
    }

    @Test
    void ranksTheMethodsByStepsInTargetThenPinballAndNamesTheBest() {
        final String md = CalibrationReport.markdown(result());

        // the served-error method keeps every step in 80±2, so it ranks first despite its higher pinball loss
        assertThat(md).contains("| 1 | " + ROLLING_SERVED + " | 12/12 / 12/12 | 0/1 | +1.7 % | 1.0 |")
                .contains("| 2 | " + TRACKING + " | 11/12 / 11/12 | 1/1 | -1.7 % | 0.8 |")
                .contains("Best with the stream's base-band error: **" + TRACKING + "** (at least 11/12 steps in 80±2"
                        + " in the reported period and 11/12 in its second half, pinball no worse for 1/1 forecasters,"
                        + " worst Δ pinball -1.7 %, worst mean deviation 0.8 points). Best overall: **"
                        + ROLLING_SERVED + "**")
                .contains("| local-ets-damped | " + TRACKING + " | 90.0 | 80.0 | 80.0 | 80.0 | 80.0 | 80.0 | 80.0 | 80.0"
                        + " | 80.0 | 80.0 | 80.0 | 80.0 |")
                .contains("| local-ets-damped | " + ROLLING_SERVED + " | 79.0 | 79.0 | 79.0 |");
    }

    @Test
    void writesTheSameFiguresAsJson() throws Exception {
        final JsonNode root = Json.mapper().readTree(CalibrationReport.json(result()));

        assertThat(root.at("/options/warm_up_days").asDouble()).isEqualTo(1.0);
        assertThat(root.at("/periods/holdout_from").asText()).isEqualTo("2026-01-06T11:30:00Z");
        assertThat(root.at("/forecasters/0/scored/1/method").asText()).isEqualTo(TRACKING);
        assertThat(root.at("/forecasters/0/scored/1/moving/coverage").asDouble()).isCloseTo(0.80833, within(1e-5));
        assertThat(root.at("/forecasters/0/scored/1/steps")).hasSize(12);
        assertThat(root.at("/forecasters/0/holdout/3/method").asText()).isEqualTo(CalibrationMethod.OFFLINE_CONFORMAL);
        assertThat(root.at("/recommendation/method").asText()).isEqualTo(ROLLING_SERVED);
        assertThat(root.at("/recommendation_base_error/method").asText()).isEqualTo(TRACKING);
        assertThat(root.at("/recommendation_base_error/ranking")).hasSize(1);
    }
}
