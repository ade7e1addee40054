package io.tsfm.streams.report;

import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastMeta;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Periods of records built in memory for the report's unit tests: markets of given segments forecast every 5
 * minutes by one model, each forecast scored with a chosen pinball loss and realised level, so a test can
 * make one segment's quality worse or its inputs drift and know what the report must say.
 */
final class SyntheticPeriods {
    private final SplittableRandom rng;
    private final List<ForecastRecord> forecasts = new ArrayList<>();
    private final List<FallbackEvent> fallbacks = new ArrayList<>();
    private final List<ForecastScore> scores = new ArrayList<>();

    SyntheticPeriods(final long seed) {
        rng = new SplittableRandom(seed);
    }

    /**
     * Adds {@code markets} markets of {@code segment} over [from, to): pinball around {@code pinball} (AR(1)
     * noise), realised probability around {@code level}, and every {@code fallbackEvery}-th forecast a baseline
     * answer with {@code reason} (0: none).
     */
    SyntheticPeriods add(
            final String segment,
            final int markets,
            final Instant from,
            final Instant to,
            final double pinball,
            final double level,
            final int fallbackEvery,
            final String reason) {
        double noise = 0;
        int n = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
            noise = 0.5 * noise + 0.1 * (rng.nextDouble() - 0.5);
            for (int m = 0; m < markets; m++) {
                final String market = segment + "-" + m;
                final boolean fallback = fallbackEvery > 0 && ++n % fallbackEvery == 0;
                forecasts.add(forecast(market, t, segment, fallback ? reason : null));
                if (fallback) {
                    fallbacks.add(new FallbackEvent(1, market, t.toString(), reason, "", "closed", "mock", 288));
                }
                final double p = Math.min(0.99, Math.max(0.01, level + 0.05 * (rng.nextDouble() - 0.5)));
                scores.add(
                        score(market, t, segment, fallback ? "empirical_baseline" : "mock", pinball * (1 + noise), p));
            }
        }
        return this;
    }

    PeriodData period(final Instant from, final Instant to) {
        return new PeriodData(
                from,
                to,
                forecasts.stream()
                        .filter(f -> PeriodData.within(f.asOfTs(), from, to))
                        .toList(),
                fallbacks.stream()
                        .filter(f -> PeriodData.within(f.asOfTs(), from, to))
                        .toList(),
                scores.stream()
                        .filter(s -> PeriodData.within(s.asOfTs(), from, to))
                        .toList(),
                List.of(),
                List.of());
    }

    private static ForecastRecord forecast(
            final String market, final Instant t, final String segment, final String fallbackReason) {
        final boolean fallback = fallbackReason != null;
        final ForecastMeta meta = new ForecastMeta(
                fallback ? "baseline" : "tollama",
                fallback ? "empirical_baseline" : "mock",
                "1",
                null,
                288,
                null,
                List.of(),
                fallback,
                fallbackReason,
                "closed",
                fallback ? "baseline" : "model",
                "default",
                fallback ? null : 40L,
                1,
                1,
                new CalibrationMeta("applied", "m", segment + "|moving", 12, null, null, null, null),
                "stable");
        return new ForecastRecord(
                1, market, t.toString(), "5m", 12, new double[] {0.1, 0.5, 0.9}, Map.of("0.5", new double[12]), meta);
    }

    private static ForecastScore score(
            final String market,
            final Instant t,
            final String segment,
            final String model,
            final double pinball,
            final double p) {
        final List<ForecastScore.Step> steps = new ArrayList<>();
        for (int k = 1; k <= 12; k++) {
            final ForecastScore.Band band = new ForecastScore.Band(
                    new double[] {p - 0.1, p, p + 0.1},
                    k % 5 == 0 ? "above" : "inside",
                    new double[] {pinball, pinball, pinball},
                    0.2);
            steps.add(
                    new ForecastScore.Step(k, t.plus(Duration.ofMinutes(5L * k)).toString(), p, band, band));
        }
        final ForecastScore.Summary summary = new ForecastScore.Summary(0.8, 0.0, 0.2, pinball, 0.2);
        return new ForecastScore(
                1,
                market,
                t.toString(),
                t.plus(Duration.ofHours(1)).toString(),
                "tollama",
                model,
                null,
                segment + "|moving",
                0.8,
                12,
                null,
                summary,
                summary,
                steps,
                null);
    }
}
