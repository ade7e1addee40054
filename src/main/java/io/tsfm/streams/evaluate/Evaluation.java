package io.tsfm.streams.evaluate;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.context.Grid;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.forecast.FallbackGates;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.forecast.GateDecision;
import io.tsfm.streams.simulate.SimulationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline evaluation harness (no Kafka, no HTTP): simulates markets, assembles each market's
 * context at 5-minute boundaries with the processor's own classes and default settings, keeps the
 * contexts the gates would send to a model, and scores every candidate against the realised grid.
 *
 * <p>The liquidity-bucket gate is switched off so that every simulated market is scored; the other
 * gates (at least {@code min.points.for.tsfm} steps, no gap over {@code max.gap.minutes}) apply.
 */
public final class Evaluation {

    private final ForecastSettings settings;
    private final long maxFutureSkewMs;

    public Evaluation(final AppConfig config) {
        this.settings = ForecastSettings.from(config);
        this.maxFutureSkewMs = config.getLong(ConfigKeys.MAX_FUTURE_SKEW_MS);
    }

    /** The app's defaults, without baseline-only liquidity buckets. */
    public static Evaluation withDefaults() {
        return new Evaluation(AppConfig.of(Map.of(ConfigKeys.BASELINE_ONLY_LIQUIDITY_BUCKET, "")));
    }

    /** The processor settings the contexts, gates and forecasts follow. */
    public ForecastSettings settings() {
        return settings;
    }

    /** Scores flat last value, local-ets-damped and the EWMA baseline. */
    public EvaluationResult run(final EvaluationOptions options) {
        return run(options, Candidates.all(settings));
    }

    /** Scores the given candidates on the same contexts. */
    public EvaluationResult run(final EvaluationOptions options, final List<Candidate> candidates) {
        final Grid grid = Grid.of(settings.step());
        final ContextAssembler assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        final FallbackGates gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(),
                settings.maxGapMs());
        final Map<String, ScoreSheet> sheets = new LinkedHashMap<>();
        candidates.forEach(c -> sheets.put(c.name(), new ScoreSheet(settings.levels())));
        final Map<String, Long> gated = new HashMap<>();
        long forecasts = 0;
        for (final long seed : options.seeds()) {
            final SimulationSpec spec = options.spec(seed);
            final SimulatedMarkets run = SimulatedMarkets.run(spec, grid, maxFutureSkewMs);
            final long startMs = spec.start().toEpochMilli();
            final long lastAsOfMs = spec.end().toEpochMilli() - (long) settings.horizon() * grid.stepMs();
            final long strideMs = options.every() * grid.stepMs();
            for (final Map.Entry<String, MarketSteps> market : run.markets().entrySet()) {
                final MarketSteps steps = market.getValue();
                for (long asOf = startMs + strideMs; asOf <= lastAsOfMs; asOf += strideMs) {
                    final MarketContext context = assembler.assemble(asOf,
                            steps.observed(assembler.fetchFromStepStart(asOf), assembler.fetchToStepStart(asOf)));
                    if (context == null) {
                        continue;
                    }
                    final GateDecision decision = gates.evaluate(context, false);
                    if (decision.baseline()) {
                        gated.merge(decision.reason(), 1L, Long::sum);
                        continue;
                    }
                    final double[] actual = realised(steps, asOf, grid);
                    for (final Candidate candidate : candidates) {
                        sheets.get(candidate.name()).add(candidate.forecast(market.getKey(), context), actual);
                    }
                    forecasts++;
                }
            }
        }
        final List<CandidateScores> scores = new ArrayList<>();
        sheets.forEach((name, sheet) -> scores.add(new CandidateScores(name, sheet.overall(), sheet.lastStep())));
        return new EvaluationResult(options, forecasts, gated, scores);
    }

    /** The grid values at the horizon's closes after {@code asOfMs}. */
    private double[] realised(final MarketSteps steps, final long asOfMs, final Grid grid) {
        final double[] actual = new double[settings.horizon()];
        for (int h = 1; h <= actual.length; h++) {
            actual[h - 1] = steps.valueAtClose(asOfMs + h * grid.stepMs());
        }
        return actual;
    }
}
