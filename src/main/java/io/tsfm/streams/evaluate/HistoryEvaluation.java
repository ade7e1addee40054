package io.tsfm.streams.evaluate;

import io.tsfm.streams.baseline.EwmaBaseline;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.cycle.CycleEngine;
import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.cycle.ScoringMeters;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.rollout.Route;
import io.tsfm.streams.score.ForecastScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.apache.kafka.common.utils.Utils;

/**
 * The stream's forecasting over a tick history, offline and in event time, driven by the stream's own
 * {@link CycleEngine}: at every 5-minute boundary first the forecasts the boundary realises are scored and their
 * errors teach the calibrators, then every market with a context is forecast: the same context assembly, route,
 * gates, model input, calibration snapshots, post-processing and record assembly the processor uses; the model is a local model called in-process with the
 * values the model client would send. The figures follow the scoring protocol of docs/calibration.md:
 * boundaries every {@code reportEvery} steps (:00 and :30 by default), contexts of at least
 * {@code min.points.for.tsfm} steps, only markets with a tick at or after the boundary; next to the served
 * forecast, the same points forecast by the last value and by the seed's EWMA with its width bounds.
 */
public final class HistoryEvaluation {
    public static final String SERVED = "served";
    public static final String UNCALIBRATED = "served, uncalibrated";
    public static final String BY_MODEL = "points the model served";
    public static final String BY_BASELINE = "points the baseline served";
    public static final String LAST_VALUE = "last value";
    public static final String SEED_EWMA = "seed EWMA (width 0.02..0.60)";
    static final double SEED_MIN_WIDTH = 0.02;
    static final double SEED_MAX_WIDTH = 0.60;
    private static final ForecastFactory.Call IN_PROCESS = new ForecastFactory.Call(0L, 1, 1);

    /**
     * How an evaluation runs: which boundaries it reports, what counts as active, its threads.
     *
     * @param reportEvery  report every k-th boundary (6: :00 and :30)
     * @param activeSteps  a point is active when its context's last this-many values are not all equal
     * @param threads      model answers of one boundary computed in parallel on this many threads
     * @param partitions   the stream's partitions: each has its own calibrators and learns only from its own
     *                     markets (assigned as Kafka's default partitioner assigns their keys); 1 pools them all
     */
    public record Options(int reportEvery, int activeSteps, int threads, int partitions) {
        public static final int DEFAULT_REPORT_EVERY = 6;
        public static final int DEFAULT_ACTIVE_STEPS = 24;

        public Options(final int reportEvery, final int activeSteps, final int threads) {
            this(reportEvery, activeSteps, threads, 1);
        }

        public Options {
            if (reportEvery < 1 || activeSteps < 2 || threads < 1 || partitions < 1) {
                throw new IllegalArgumentException(
                        "report every >= 1, active steps >= 2, threads >= 1 and partitions >= 1 are required");
            }
        }
    }

    /** The figures, how many forecasts stand behind them and what served the reported points. */
    public record Result(
            QualityTable table,
            long forecasts,
            long reported,
            Map<String, Long> servedBy,
            long firstBoundaryMs,
            long lastBoundaryMs) {}

    private final ForecastSettings settings;
    private final CycleEngine engine;
    private final Grid grid;
    private final ModelAnswers model;

    /** @param model the model the markets are asked, or null: the model is down and the baseline serves every market */
    public HistoryEvaluation(final AppConfig config, final ModelAnswers model) {
        this.settings = config.forecastSettings();
        this.engine = new CycleEngine(settings);
        this.grid = engine.grid();
        this.model = model;
    }

    public ForecastSettings settings() {
        return settings;
    }

    public Result run(final MarketHistory history, final Options options) {
        return run(history, options, score -> {});
    }

    /** As {@link #run(MarketHistory, Options)}, handing every score record the stream would publish to {@code scores}. */
    public Result run(final MarketHistory history, final Options options, final Consumer<ForecastScore> scores) {
        final ContextAssembler assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        final int tasks = options.partitions();
        final MapScoringStores[] stores = new MapScoringStores[tasks];
        final ForecastScoring[] scorings = new ForecastScoring[tasks];
        for (int t = 0; t < tasks; t++) {
            stores[t] = new MapScoringStores(history);
            scorings[t] = new ForecastScoring(settings, grid, ScoringMeters.NONE, stores[t]);
        }
        final EwmaBaseline seed =
                new EwmaBaseline(EwmaBaseline.DEFAULT_ALPHA, EwmaBaseline.DEFAULT_MAX_POINTS, Transform.logit());
        final QuantileSanitizer seedBounds = new QuantileSanitizer(SEED_MIN_WIDTH, SEED_MAX_WIDTH);
        final QualityTable table =
                new QualityTable(settings.horizon(), List.of(SERVED, UNCALIBRATED, LAST_VALUE, SEED_EWMA));
        final Map<String, ReportedPoint> reported = new HashMap<>();
        final Map<String, Long> servedBy = new TreeMap<>();
        final long step = grid.stepMs();
        final long reportStrideMs = options.reportEvery() * step;
        final long first = engine.dueAt(history.firstTickMs()) + step;
        final long last = engine.dueAt(history.lastTickMs());
        final CycleEngine.Models models = models();
        final ForkJoinPool pool = new ForkJoinPool(options.threads());
        long forecasts = 0;
        long reportedCount = 0;
        try {
            for (long boundary = first; boundary <= last; boundary += step) {
                boolean cycleRuns = false;
                for (int t = 0; t < tasks; t++) {
                    stores[t].advanceTo(boundary);
                    cycleRuns = engine.scoreBoundary(
                            boundary, scorings[t], CycleEngine.InFlight.NONE, (score, asOfMs, at, published) -> {
                                if (published) {
                                    scores.accept(score);
                                }
                                final ReportedPoint r = reported.remove(OpenForecast.key(asOfMs, score.marketId()));
                                if (r != null) {
                                    r.addTo(table, score, settings.levels());
                                    servedBy.merge(
                                            score.fallbackReason() == null
                                                    ? score.runtime() + " " + score.modelName()
                                                    : "baseline: " + score.fallbackReason(),
                                            1L,
                                            Long::sum);
                                }
                            });
                }
                if (!cycleRuns) {
                    continue;
                }
                final List<Item> items = new ArrayList<>();
                for (final Map.Entry<String, MarketHistory.Market> m :
                        history.markets().entrySet()) {
                    final MarketContext ctx = assembler.assemble(
                            boundary,
                            m.getValue()
                                    .steps()
                                    .observed(
                                            assembler.fetchFromStepStart(boundary),
                                            assembler.fetchToStepStart(boundary)));
                    if (ctx == null) {
                        continue;
                    }
                    items.add(new Item(engine.plan(m.getKey(), ctx, scorings[task(m.getKey(), tasks)], models)));
                }
                answer(pool, items);
                for (final Item item : items) {
                    forecast(item, scorings[task(item.plan.marketId(), tasks)]);
                    forecasts++;
                    final MarketContext ctx = item.plan.context();
                    if (boundary % reportStrideMs == 0
                            && ctx.length() >= settings.minPoints()
                            && history.markets().get(item.plan.marketId()).lastTickMs() >= boundary) {
                        reported.put(
                                OpenForecast.key(boundary, item.plan.marketId()),
                                new ReportedPoint(
                                        ReportedPoint.active(ctx.values(), options.activeSteps()),
                                        ctx.values()[ctx.length() - 1],
                                        seedBounds
                                                .sanitize(seed.forecast(
                                                        ctx.values(), settings.levels(), settings.horizon()))
                                                .paths()));
                        reportedCount++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(table, forecasts, reportedCount - reported.size(), servedBy, first, last);
    }

    /** The partition of a market's key, as Kafka's default partitioner picks it. */
    static int task(final String marketId, final int partitions) {
        return partitions == 1
                ? 0
                : Utils.toPositive(Utils.murmur2(marketId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** One market at one boundary: the engine's plan for it, and the model's answer once asked. */
    private static final class Item {
        final CycleEngine.Plan plan;
        QuantilePaths answer;

        Item(final CycleEngine.Plan plan) {
            this.plan = plan;
        }
    }

    /** The one in-process model, or none: the model is down and its breaker open. */
    private CycleEngine.Models models() {
        return new CycleEngine.Models() {
            @Override
            public String modelName(final Route route) {
                return model.name();
            }

            @Override
            public ModelAvailability availability(final Route route) {
                return model == null ? ModelAvailability.BREAKER_OPEN : ModelAvailability.CALLABLE;
            }
        };
    }

    private void answer(final ForkJoinPool pool, final List<Item> items) {
        final List<Item> asked = items.stream().filter(i -> !i.plan.gated()).toList();
        if (asked.isEmpty()) {
            return;
        }
        try {
            pool.submit(() -> asked.parallelStream().forEach(i -> i.answer = model.answer(i.plan.context())))
                    .get();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (final ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** As the stream: a gate's baseline at once, else the model's answer, kept for scoring. */
    private void forecast(final Item item, final ForecastScoring scoring) {
        final ForecastFactory.Made made = item.plan.gated()
                ? engine.gatedBaseline(item.plan, "closed")
                : engine.answered(item.plan, item.answer, model.name(), "closed", IN_PROCESS);
        engine.keep(scoring, made, item.plan);
    }
}
