package io.tsfm.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.forecaster.model.LocalEmpiricalModel;
import io.tsfm.streams.forecaster.model.ModelInput;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.SeriesOutcome;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.StubModelClient;
import io.tsfm.streams.stream.TopologyHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline evaluation runs the stream's forecasting: it must publish exactly what the stream publishes. */
class HistoryEvaluationTest {
    private static final Instant T0 = TopologyHarness.T0;
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final Map<String, String> SETTINGS = Map.of(
            "cycle.grace.ms",
            "0",
            "min.points.for.tsfm",
            "6",
            "calibration.min.samples",
            "5",
            "calibration.learning.rate",
            "0.2");
    private static final LocalEmpiricalModel MODEL = new LocalEmpiricalModel();

    @TempDir
    Path stateDir;

    /** Markets on a 0.01 grid, a tick every five minutes, each moving a tick on about one step in three. */
    private static List<Tick> history(final int markets, final Duration span) {
        final Random random = new Random(3);
        final List<Tick> ticks = new ArrayList<>();
        final double[] p = new double[markets];
        java.util.Arrays.fill(p, 40);
        for (Instant t = T0.plusSeconds(30); t.isBefore(T0.plus(span)); t = t.plus(Duration.ofMinutes(5))) {
            for (int m = 0; m < markets; m++) {
                if (random.nextInt(3) == 0) {
                    p[m] += random.nextBoolean() ? 1 : -1;
                }
                ticks.add(new Tick("m-" + m, t.toEpochMilli(), p[m] / 100.0, "high", null, null));
            }
        }
        return ticks;
    }

    private static Map<String, ForecastScore> byKey(final List<ForecastScore> scores) {
        final Map<String, ForecastScore> out = new TreeMap<>();
        scores.forEach(s -> out.put(s.marketId() + "@" + s.asOfTs(), s));
        return out;
    }

    @Test
    void publishesTheSameScoresAsTheStreamForTheSameTicksAndModel() {
        final List<Tick> ticks = history(3, Duration.ofHours(8));
        final StubModelClient stub = TopologyHarness.defaultModel()
                .named(LocalEmpiricalModel.NAME)
                .answering(series -> {
                    final Map<String, SeriesOutcome> out = new HashMap<>();
                    series.forEach(s -> out.put(
                            s.id(),
                            SeriesOutcome.valid(new QuantilePaths(
                                    LEVELS,
                                    MODEL.forecast(new ModelInput("5min", List.of(), s.target(), 12, LEVELS))
                                            .quantiles()))));
                    return BatchResult.success(out, 7, 1);
                });
        final List<ForecastScore> streamed;
        try (TopologyHarness h = new TopologyHarness(stateDir, SETTINGS, stub)) {
            for (final Tick t : ticks) {
                h.tick(t.marketId(), Instant.ofEpochMilli(t.tsMs()), t.pYes());
            }
            streamed = h.scores.readValuesToList();
        }
        final AppConfig config = AppConfig.of(SETTINGS);
        final ForecastSettings settings = config.forecastSettings();
        final ModelAnswers inProcess = inProcess(settings);
        final List<ForecastScore> evaluated = new ArrayList<>();
        new HistoryEvaluation(config, inProcess)
                .run(
                        MarketHistory.of(ticks, Grid.of(settings.step())),
                        new HistoryEvaluation.Options(6, 24, 1),
                        evaluated::add);

        // 8 hours of 5-minute boundaries, the last hour's forecasts not yet realised: 3 markets x 83 boundaries
        assertThat(streamed).hasSize(3 * 83);
        final Map<String, ForecastScore> stream = byKey(streamed);
        final Map<String, ForecastScore> offline = byKey(evaluated);
        assertThat(offline.keySet()).isEqualTo(stream.keySet());
        assertThat(streamed.stream()
                        .filter(s -> "applied".equals(s.calibration().status()))
                        .count())
                .isGreaterThan(100);
        offline.forEach(
                (key, s) -> assertThat(s).as(key).usingRecursiveComparison().isEqualTo(stream.get(key)));
    }

    @Test
    void assignsMarketsToPartitionsAsKafkasDefaultPartitionerDoes() {
        for (int m = 0; m < 200; m++) {
            final String id = "market-" + m;
            for (final int partitions : new int[] {1, 3, 12}) {
                assertThat(HistoryEvaluation.task(id, partitions))
                        .as(id)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(
                                id.getBytes(java.nio.charset.StandardCharsets.UTF_8), partitions));
            }
        }
    }

    @Test
    void onTwoPartitionsEachCalibratesAsIfItsMarketsWereAlone() {
        final List<Tick> ticks = history(4, Duration.ofHours(8));
        final Map<Integer, List<String>> byTask = new TreeMap<>();
        for (int m = 0; m < 4; m++) {
            byTask.computeIfAbsent(HistoryEvaluation.task("m-" + m, 2), t -> new ArrayList<>())
                    .add("m-" + m);
        }
        assertThat(byTask).as("the four markets fall on both partitions").hasSize(2);

        final Map<String, ForecastScore> split = byKey(evaluate(ticks, 2));
        final Map<String, ForecastScore> alone = new TreeMap<>();
        for (final List<String> markets : byTask.values()) {
            alone.putAll(byKey(evaluate(
                    ticks.stream().filter(t -> markets.contains(t.marketId())).toList(), 1)));
        }
        final Map<String, ForecastScore> pooled = byKey(evaluate(ticks, 1));

        assertThat(split.keySet()).isEqualTo(pooled.keySet());
        split.forEach(
                (key, s) -> assertThat(s).as(key).usingRecursiveComparison().isEqualTo(alone.get(key)));
        assertThat(split.keySet().stream()
                        .filter(k -> !sameScore(split.get(k), pooled.get(k)))
                        .count())
                .as("pooled calibrators learn from every market")
                .isPositive();
    }

    private static List<ForecastScore> evaluate(final List<Tick> ticks, final int partitions) {
        final AppConfig config = AppConfig.of(SETTINGS);
        final ForecastSettings settings = config.forecastSettings();
        final ModelAnswers inProcess = inProcess(settings);
        final List<ForecastScore> out = new ArrayList<>();
        new HistoryEvaluation(config, inProcess)
                .run(
                        MarketHistory.of(ticks, Grid.of(settings.step())),
                        new HistoryEvaluation.Options(6, 24, 1, partitions),
                        out::add);
        return out;
    }

    private static boolean sameScore(final ForecastScore a, final ForecastScore b) {
        try {
            assertThat(a).usingRecursiveComparison().isEqualTo(b);
            return true;
        } catch (final AssertionError e) {
            return false;
        }
    }

    /** The local empirical model called in-process with the values the model client would send. */
    private static ModelAnswers inProcess(final ForecastSettings settings) {
        return new ModelAnswers() {
            @Override
            public String name() {
                return LocalEmpiricalModel.NAME;
            }

            @Override
            public QuantilePaths answer(final MarketContext context) {
                final double[] target = context.values().clone();
                for (int i = 0; i < target.length; i++) {
                    target[i] = settings.transform().forward(target[i]);
                }
                return new QuantilePaths(
                        LEVELS,
                        MODEL.forecast(new ModelInput("5min", List.of(), target, 12, LEVELS))
                                .quantiles());
            }
        };
    }

    @Test
    void refusesToReadAStepThatHasNotClosedYet() {
        final MarketHistory history = MarketHistory.of(history(1, Duration.ofHours(1)), Grid.of(Duration.ofMinutes(5)));
        final MapScoringStores stores = new MapScoringStores(history);
        final long boundary = T0.plus(Duration.ofMinutes(30)).toEpochMilli();
        stores.advanceTo(boundary);
        assertThat(stores.steps("m-0", boundary - 600_000, boundary - 300_000)).hasSize(2);
        assertThatThrownBy(() -> stores.steps("m-0", boundary - 300_000, boundary))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("look-ahead");
    }
}
