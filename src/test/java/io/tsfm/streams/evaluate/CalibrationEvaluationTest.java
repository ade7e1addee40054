package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calibration harness on a run small enough for a unit test: 1 seed, 10 markets, 1 day of which the
 * first half is warm-up, a forecast at every boundary, three methods. A few seconds.
 */
class CalibrationEvaluationTest {

    private static final long STEP_MS = 300_000L;
    private static final CalibrationOptions SMALL = new CalibrationOptions(List.of(1L), 10, 1, 0.5, 1);
    private static final CalibrationMethod TRACKING = CalibrationMethod.quantileTracking(0.01, false);
    private static final CalibrationMethod ROLLING = CalibrationMethod.rollingQuantile(500, false);
    private static final CalibrationMethod TRACKING_SERVED = CalibrationMethod.quantileTracking(0.01, true);

    private static final List<Update> UPDATES = Collections.synchronizedList(new ArrayList<>());
    private static final List<Served> SERVED = Collections.synchronizedList(new ArrayList<>());
    private static CalibrationResult result;

    private record Update(String forecaster, long boundaryMs, long asOfMs, int step, long realisedCloseMs) {
    }

    private record Served(String forecaster, String method, long asOfMs, long latestRealisedMs) {
    }

    @BeforeAll
    static void runTheSmallEvaluationOnce() {
        final CalibrationEvaluation evaluation = CalibrationEvaluation.withMethods(
                List.of(TRACKING, ROLLING, TRACKING_SERVED));
        result = evaluation.run(SMALL, evaluation.forecasters(), new CalibrationTrace() {
            @Override
            public void updated(final long seed, final String forecaster, final long boundaryMs, final long asOfMs,
                                final int step, final long realisedCloseMs) {
                UPDATES.add(new Update(forecaster, boundaryMs, asOfMs, step, realisedCloseMs));
            }

            @Override
            public void served(final long seed, final String forecaster, final String method, final long asOfMs,
                               final long latestRealisedMs) {
                SERVED.add(new Served(forecaster, method, asOfMs, latestRealisedMs));
            }
        }, 1);
    }

    @Test
    void everyForecastIsMadeByBothForecastersAndScoredOnAllTwelveSteps() {
        assertThat(result.contexts()).isEqualTo(2_056);
        assertThat(result.forecasters()).extracting(ForecasterCalibration::name)
                .containsExactly(Candidates.ETS, Candidates.EWMA);
        for (final ForecasterCalibration f : result.forecasters()) {
            assertThat(f.forecasts()).isEqualTo(result.contexts());
            assertThat(f.scoredForecasts()).isEqualTo(1_064);
            assertThat(f.holdoutForecasts()).isEqualTo(536);
            assertThat(f.scored(CalibrationMethod.UNCALIBRATED).all().pairs()).isEqualTo(12 * f.scoredForecasts());
            assertThat(f.holdout(CalibrationMethod.UNCALIBRATED).all().pairs()).isEqualTo(12 * f.holdoutForecasts());
        }
        assertThat(UPDATES).hasSize((int) (2 * 12 * result.contexts()));
    }

    @Test
    void noCalibratorIsEverFedAValueRealisedAfterTheBoundaryItIsProcessing() {
        assertThat(UPDATES).isNotEmpty().allSatisfy(u -> {
            assertThat(u.realisedCloseMs()).isEqualTo(u.asOfMs() + u.step() * STEP_MS);
            assertThat(u.realisedCloseMs()).isLessThanOrEqualTo(u.boundaryMs());
            // a forecast is scored at the first boundary its last step is realised, not later
            assertThat(u.boundaryMs()).isEqualTo(u.asOfMs() + 12 * STEP_MS);
        });
    }

    @Test
    void noForecastIsCalibratedWithAValueRealisedAfterItsAsOf() {
        assertThat(SERVED).isNotEmpty()
                .allSatisfy(s -> assertThat(s.latestRealisedMs()).isLessThanOrEqualTo(s.asOfMs()));
        // and nothing realised by as_of is held back: a forecast can see the value closing at its own as_of
        assertThat(SERVED).anySatisfy(s -> assertThat(s.latestRealisedMs()).isEqualTo(s.asOfMs()));
        assertThat(SERVED).filteredOn(s -> s.method().equals(CalibrationMethod.OFFLINE_CONFORMAL))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.latestRealisedMs()).isLessThanOrEqualTo(
                        java.time.Instant.parse(result.periods().conformalFitUntil()).toEpochMilli()));
    }

    @Test
    void theHarnessRefusesToReadAValueThatIsNotRealisedYet() {
        assertThatThrownBy(() -> CalibrationEvaluation.realisedAt(null, 2 * STEP_MS, STEP_MS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("look-ahead: the value closing at 1970-01-01T00:10:00Z");
    }

    @Test
    void calibratedCoverageOnMovingMarketsIsCloserToEightyPercentThanUncalibrated() {
        final ForecasterCalibration ewma = result.forecaster(Candidates.EWMA);
        final double uncalibrated = ewma.scored(CalibrationMethod.UNCALIBRATED).moving().deviation(0.8);
        assertThat(uncalibrated).isGreaterThan(0.05);
        assertThat(ewma.scored(TRACKING.name()).moving().deviation(0.8)).isLessThan(uncalibrated);
        assertThat(ewma.scored(ROLLING.name()).moving().deviation(0.8)).isLessThan(uncalibrated);
        assertThat(ewma.scored(TRACKING_SERVED.name()).moving().deviation(0.8)).isLessThan(uncalibrated);
        // the model's band is close to 80 % overall already (81.3 %); the served-band error evens out the steps
        final ForecasterCalibration ets = result.forecaster(Candidates.ETS);
        assertThat(ets.scored(TRACKING_SERVED.name()).movingMeanDeviation(0.8))
                .isLessThan(ets.scored(CalibrationMethod.UNCALIBRATED).movingMeanDeviation(0.8));
    }

    @Test
    void everyReportedStepIsCalibratedOnceTheWarmUpHasFedItsSegment() {
        final ForecasterCalibration ets = result.forecaster(Candidates.ETS);
        assertThat(ets.scored(CalibrationMethod.UNCALIBRATED).moving().appliedShare()).isZero();
        assertThat(ets.scored(TRACKING.name()).moving().appliedShare()).isGreaterThan(0.95);
    }

    @Test
    void theFiguresDoNotDependOnHowManyThreadsRunTheSeeds() {
        final CalibrationOptions twoSeeds = new CalibrationOptions(List.of(4L, 5L), 3, 0.5, 0.25, 2);
        final CalibrationEvaluation evaluation = CalibrationEvaluation.withMethods(List.of(TRACKING));
        final String one = CalibrationReport.json(evaluation.run(twoSeeds, evaluation.forecasters(),
                CalibrationTrace.NONE, 1));
        final String two = CalibrationReport.json(evaluation.run(twoSeeds, evaluation.forecasters(),
                CalibrationTrace.NONE, 2));
        assertThat(two).isEqualTo(one);
    }

    @Test
    void aWarmUpAsLongAsTheSpanIsRefused() {
        assertThatThrownBy(() -> new CalibrationOptions(List.of(1L), 3, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up days must be in [0, days): 1.0");
    }
}
