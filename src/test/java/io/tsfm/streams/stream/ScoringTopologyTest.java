package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.SeriesOutcome;
import io.tsfm.streams.score.ForecastScore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringTopologyTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    @TempDir
    Path stateDir;

    /** A model whose band is the last value -/+ {@code half} in logit space, for every step. */
    private static Function<List<SeriesInput>, BatchResult> bandOf(final double half) {
        return series -> {
            final Map<String, SeriesOutcome> out = new HashMap<>();
            for (final SeriesInput s : series) {
                final double last = s.target()[s.target().length - 1];
                final double[][] paths = new double[3][12];
                for (int k = 0; k < 12; k++) {
                    paths[0][k] = last - half;
                    paths[1][k] = last;
                    paths[2][k] = last + half;
                }
                out.put(s.id(), SeriesOutcome.valid(new QuantilePaths(LEVELS, paths)));
            }
            return BatchResult.success(out, 7, 1);
        };
    }

    @Test
    void scoresAForecastWithHandComputedOutcomesOnceItsLastStepIsRealised() {
        // the seed's width bounds, so that the flat mock band has a width to score
        try (TopologyHarness h = new TopologyHarness(
                stateDir,
                Map.of("min.points.for.tsfm", "2", "interval.min.width", "0.02", "interval.max.width", "0.6"),
                TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a"), T0, T0.plus(Duration.ofHours(2)), 0.5);
            h.minuteTicks(List.of("m-a"), T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofMinutes(181)), 0.6);
            final Map<String, ForecastScore> byAsOf =
                    h.scores.readValuesToList().stream().collect(Collectors.toMap(ForecastScore::asOfTs, s -> s));
            // the flat mock band 0.5 is widened to the minimum width 0.02; every realised value is 0.6
            final ForecastScore s = byAsOf.get("2026-11-20T02:00:00Z");
            assertThat(s.scoredAtTs()).isEqualTo("2026-11-20T03:00:00Z");
            assertThat(s.runtime()).isEqualTo("tollama");
            assertThat(s.segment()).isEqualTo("high|quiet");
            assertThat(s.observedSteps()).isEqualTo(12);
            assertThat(s.steps()).hasSize(12);
            final ForecastScore.Step first = s.steps().get(0);
            assertThat(first.ts()).isEqualTo("2026-11-20T02:05:00Z");
            assertThat(first.realised()).isEqualTo(0.6);
            assertThat(first.served().quantiles()).containsExactly(new double[] {0.49, 0.5, 0.51}, within(1e-12));
            assertThat(first.served().outcome()).isEqualTo("above");
            // q10: 0.1 * 0.11; q50: 0.5 * 0.10; q90: 0.9 * 0.09
            assertThat(first.served().pinball()).containsExactly(new double[] {0.011, 0.05, 0.081}, within(1e-12));
            assertThat(s.served().coverage()).isZero();
            assertThat(s.served().above()).isEqualTo(1.0);
            assertThat(s.served().meanPinball()).isCloseTo(0.142 / 3, within(1e-12));
            assertThat(s.served().meanWidth()).isCloseTo(0.02, within(1e-12));
            // the forecast one hour earlier saw 0.5 for its whole horizon: inside, pinball of the edges only
            final ForecastScore inside = byAsOf.get("2026-11-20T01:00:00Z");
            assertThat(inside.served().coverage()).isEqualTo(1.0);
            assertThat(inside.steps().get(0).served().pinball())
                    .containsExactly(new double[] {0.001, 0.0, 0.001}, within(1e-12));
        }
    }

    @Test
    void scoresEveryRealisedForecastExactlyOnceModelAndBaselineAlike() {
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of(), TopologyHarness.defaultModel())) {
            h.minuteTicks(List.of("m-a", "m-b"), T0, T0.plus(Duration.ofHours(4)), 0.4);
            h.drain();
            final List<ForecastRecord> forecasts = h.forecasts.readValuesToList();
            final List<ForecastScore> scores = h.scores.readValuesToList();
            // forecasts at T0+5m .. T0+3h55m; the last due boundary T0+3h55m realises as_of up to T0+2h55m
            final long realised = forecasts.stream()
                    .filter(f -> Instant.parse(f.asOfTs()).isBefore(T0.plus(Duration.ofMinutes(176))))
                    .count();
            assertThat(realised).isEqualTo(70);
            assertThat(scores).hasSize(70);
            assertThat(scores.stream()
                            .map(s -> s.marketId() + "@" + s.asOfTs())
                            .distinct()
                            .count())
                    .isEqualTo(70);
            assertThat(scores.stream().map(ForecastScore::runtime).distinct())
                    .containsExactlyInAnyOrder("baseline", "tollama");
            assertThat(scores.stream()
                            .filter(s -> "baseline".equals(s.runtime()))
                            .findFirst()
                            .orElseThrow()
                            .fallbackReason())
                    .isEqualTo("too_few_points");
        }
    }

    @Test
    void aForecastSeesOnlyScoresRealisedByItsAsOfEvenWhenItsAnswerIsDrainedLater() {
        final StubModelClient model = TopologyHarness.defaultModel().answering(bandOf(0.2));
        try (TopologyHarness h = new TopologyHarness(stateDir, Map.of("min.points.for.tsfm", "2"), model)) {
            // no drain(): model answers go out only when a later boundary needs them scored
            h.minuteTicks(List.of("m-a"), T0, T0.plus(Duration.ofHours(5)), 0.3);
            // the first forecast (T0+5m, one step) is the baseline's; the model's calibrators learn from the
            // model's forecasts only, the first of which is at T0+10m
            final Instant firstAsOf = T0.plus(Duration.ofMinutes(10));
            final List<ForecastRecord> byModel = h.forecasts.readValuesToList().stream()
                    .filter(f -> "tollama".equals(f.meta().runtime()))
                    .toList();
            // every model forecast up to T0+3h55m has gone out: the last boundary (T0+4h55m) needed it scored
            assertThat(byModel.stream().map(ForecastRecord::asOfTs))
                    .contains("2026-11-20T00:10:00Z", "2026-11-20T03:55:00Z");
            for (final ForecastRecord f : byModel) {
                final Instant asOf = Instant.parse(f.asOfTs());
                // one sample per step for every forecast made at least one horizon (60 min) before as_of
                final long realisedBy = Math.max(
                        0,
                        Duration.between(firstAsOf, asOf.minus(Duration.ofMinutes(60)))
                                                .toMinutes()
                                        / 5
                                + 1);
                assertThat(f.meta().calibration().samples()).as(f.asOfTs()).containsOnly(realisedBy);
            }
        }
    }

    @Test
    void servesTheUncalibratedBandUntilTheSegmentHasEnoughScoresThenTheScaledOne() {
        final StubModelClient model = TopologyHarness.defaultModel().answering(bandOf(0.1));
        final Map<String, String> settings = Map.of(
                "min.points.for.tsfm",
                "2",
                "calibration.min.samples",
                "3",
                "calibration.learning.rate",
                "0.5",
                "calibration.error.unit",
                "band");
        try (TopologyHarness h = new TopologyHarness(stateDir, settings, model)) {
            // a market that keeps climbing: every realised value is above a band centred on the last value
            for (int minute = 0; minute < 240; minute++) {
                h.tick("m-a", T0.plus(Duration.ofMinutes(minute)), 0.2 + minute * 0.002);
            }
            h.drain();
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            final ForecastRecord early = out.get(0);
            assertThat(early.meta().calibration().status()).isEqualTo(CalibrationMeta.INSUFFICIENT_SAMPLES);
            assertThat(early.meta().calibration().scale()).containsOnly(1.0);
            assertThat(early.meta().calibration().scaleLower()).containsOnly(1.0);
            final ForecastRecord late = out.get(out.size() - 1);
            final CalibrationMeta meta = late.meta().calibration();
            assertThat(meta.status()).isEqualTo(CalibrationMeta.APPLIED);
            assertThat(meta.segment()).isEqualTo("high|moving");
            assertThat(meta.method()).isEqualTo("quantile_tracking");
            // five minutes of climbing stay inside the band (its upper side narrows), an hour leaves it (it
            // widens); nothing ever falls below, so the lower side narrows
            assertThat(meta.scaleUpper()[0]).isLessThan(1.0);
            assertThat(meta.scaleUpper()[11]).isGreaterThan(1.0);
            assertThat(meta.scaleLower()[11]).isLessThan(0.5);
            assertThat(meta.scale()[11])
                    .isCloseTo(Math.sqrt(meta.scaleLower()[11] * meta.scaleUpper()[11]), within(1e-12));
            // the served band is the model's band, each side scaled around its centre in logit space
            final double p = 0.2 + 234 * 0.002;
            final double last = Math.log(p / (1 - p));
            final double[] base = {inverse(last - 0.1), inverse(last), inverse(last + 0.1)};
            final double[] expected = new BandScaler(Transform.logit(), LEVELS)
                    .scale(base, meta.scaleLower()[11], meta.scaleUpper()[11], 0.001);
            assertThat(new double[] {
                        late.yhatQ().get("0.1")[11],
                        late.yhatQ().get("0.5")[11],
                        late.yhatQ().get("0.9")[11]
                    })
                    .containsExactly(expected, within(1e-9));
        }
    }

    @Test
    void servesTheMedianPlusTheLearntNumberOfTicksWhenErrorsAreInTicks() {
        // the model's band (0.1 either side in logit) is ignored once calibrated: only its centre counts
        final StubModelClient model = TopologyHarness.defaultModel().answering(bandOf(0.1));
        final Map<String, String> settings =
                Map.of("min.points.for.tsfm", "2", "calibration.min.samples", "3", "calibration.learning.rate", "0.5");
        try (TopologyHarness h = new TopologyHarness(stateDir, settings, model)) {
            // a market on a 0.001 grid climbing 0.01 (ten ticks) every five minutes
            for (int minute = 0; minute < 240; minute++) {
                h.tick("m-a", T0.plus(Duration.ofMinutes(minute)), 0.2 + minute * 0.002);
            }
            h.drain();
            final List<ForecastRecord> out = h.forecasts.readValuesToList();
            final ForecastRecord late = out.get(out.size() - 1);
            final CalibrationMeta meta = late.meta().calibration();
            assertThat(meta.status()).isEqualTo(CalibrationMeta.APPLIED);
            // an hour ahead the market is 120 ticks up: the upper side learns many ticks, the lower side few
            assertThat(meta.scaleUpper()[11]).isGreaterThan(50.0);
            assertThat(meta.scaleUpper()[11]).isGreaterThan(meta.scaleUpper()[0]);
            assertThat(meta.scaleLower()[11]).isLessThan(1.0);
            final double p = 0.2 + 234 * 0.002;
            final double last = Math.log(p / (1 - p));
            final double tickAbove = Math.log((p + 0.001) / (1 - p - 0.001)) - last;
            final double tickBelow = last - Math.log((p - 0.001) / (1 - p + 0.001));
            assertThat(late.yhatQ().get("0.5")[11]).isCloseTo(p, within(1e-9));
            assertThat(late.yhatQ().get("0.9")[11])
                    .isCloseTo(inverse(last + meta.scaleUpper()[11] * tickAbove), within(1e-9));
            assertThat(late.yhatQ().get("0.1")[11])
                    .isCloseTo(inverse(last - meta.scaleLower()[11] * tickBelow), within(1e-9));
        }
    }

    private static double inverse(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
