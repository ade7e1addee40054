package io.tsfm.streams.evaluate;

import io.tsfm.streams.calibrate.BandCalibration;
import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.CalibrationSnapshot;
import io.tsfm.streams.calibrate.ConformalAdjustment;
import io.tsfm.streams.calibrate.MarketMotion;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.calibrate.SegmentCalibrators;
import io.tsfm.streams.calibrate.ServedBandError;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.context.Grid;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.forecast.FallbackGates;
import io.tsfm.streams.forecast.ForecastSettings;
import io.tsfm.streams.forecast.GateDecision;
import io.tsfm.streams.forecast.QuantilePaths;
import io.tsfm.streams.forecaster.model.LocalEtsDampedModel;
import io.tsfm.streams.simulate.SimulationSpec;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Offline evaluation of online band calibration (issue #7), with no Kafka: simulated markets, the
 * processor's own context, gate, calibration and post-processing classes, and the stream's order of work.
 *
 * <p>Per seed, one calibrator set per forecaster and method (the stream keeps one per Kafka task; offline
 * there is one global set per run). At each 5-minute boundary T, in this order:
 * <ol>
 *   <li>every pending forecast with {@code as_of + H steps <= T} is scored: for each step h its realised
 *       value (read through a guard that refuses any close after T) gives {@code scaler.error(base band_h,
 *       realised_h)}, which updates the calibrator of (segment, h) of every online method;</li>
 *   <li>then, at forecast boundaries, every context that passes the gates is forecast: base paths
 *       (probability space, before post-processing), the segment {@code bucket|moving-or-flat} from the
 *       context, and per method {@code sanitize(apply(base, snapshot(segment, H)))}; uncalibrated is
 *       {@code sanitize(base)}.</li>
 * </ol>
 * Forecasts made in the warm-up teach the calibrators but are left out of the scores. The seed's offline
 * conformal is fitted, per segment and step, on reported forecasts realised by the middle of the reported
 * period and applied (before post-processing) to the forecasts made from that middle on.
 */
public final class CalibrationEvaluation {

    private final ForecastSettings settings;
    private final long maxFutureSkewMs;
    private final List<CalibrationMethod> methods;
    private final QuantileSanitizer sanitizer;
    private final BandScaler scaler;
    private final BandCalibration bandCalibration;
    private final ServedBandError servedBandError;
    private final MarketMotion motion;
    private final int minSamples;
    private final boolean anyServedError;

    public CalibrationEvaluation(final AppConfig config, final List<CalibrationMethod> methods) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("need at least one calibration method");
        }
        this.settings = ForecastSettings.from(config);
        this.maxFutureSkewMs = config.getLong(ConfigKeys.MAX_FUTURE_SKEW_MS);
        this.methods = List.copyOf(methods);
        this.sanitizer = new QuantileSanitizer(settings.minWidth(), settings.maxWidth());
        this.scaler = new BandScaler(settings.transform(), settings.levels());
        this.bandCalibration = new BandCalibration(scaler);
        this.servedBandError = new ServedBandError(scaler, settings.minWidth(), settings.maxWidth());
        this.motion = methods.get(0).settings().motion();
        this.minSamples = methods.get(0).settings().minSamples();
        this.anyServedError = methods.stream().anyMatch(CalibrationMethod::servedError);
    }

    /**
     * The app's defaults without baseline-only buckets (as {@link Evaluation}), every online method as the
     * stream runs it, and the same methods fed the experimental served-band error.
     */
    public static CalibrationEvaluation withDefaults() {
        return withMethods(CalibrationMethod.all());
    }

    /** The app's defaults without baseline-only buckets, the given methods. */
    public static CalibrationEvaluation withMethods(final List<CalibrationMethod> methods) {
        return new CalibrationEvaluation(AppConfig.of(Map.of(ConfigKeys.BASELINE_ONLY_LIQUIDITY_BUCKET, "")),
                methods);
    }

    public ForecastSettings settings() {
        return settings;
    }

    /** local-ets-damped, then the EWMA baseline. */
    public List<BaseForecaster> forecasters() {
        return List.of(BaseForecaster.model(Candidates.ETS, new LocalEtsDampedModel(), settings),
                BaseForecaster.ewma(settings));
    }

    public CalibrationResult run(final CalibrationOptions options) {
        return run(options, forecasters(), CalibrationTrace.NONE, defaultThreads(options));
    }

    /** One thread per seed, at most as many as there are processors. */
    public static int defaultThreads(final CalibrationOptions options) {
        return Math.max(1, Math.min(options.seeds().size(), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Runs every seed (on up to {@code threads} threads; each seed is independent and the results are
     * added up in seed order, so the figures do not depend on the thread count).
     */
    public CalibrationResult run(final CalibrationOptions options, final List<BaseForecaster> forecasters,
                                 final CalibrationTrace trace, final int threads) {
        final Periods periods = periods(options);
        final List<SeedOutcome> outcomes = new ArrayList<>();
        if (threads <= 1) {
            for (final long seed : options.seeds()) {
                outcomes.add(runSeed(seed, options, periods, forecasters, trace));
            }
        } else {
            final ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                final List<Future<SeedOutcome>> futures = new ArrayList<>();
                for (final long seed : options.seeds()) {
                    futures.add(pool.submit(() -> runSeed(seed, options, periods, forecasters, trace)));
                }
                for (final Future<SeedOutcome> f : futures) {
                    outcomes.add(f.get());
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calibration evaluation interrupted", e);
            } catch (final ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        return merge(options, periods, forecasters, outcomes);
    }

    /** Event-time periods in epoch milliseconds, the same for every seed. */
    record Periods(long startMs, long scoredFromMs, long holdoutFromMs, long lastAsOfMs, long endMs) {
    }

    private Periods periods(final CalibrationOptions options) {
        final SimulationSpec spec = options.spec(options.seeds().get(0));
        final long step = settings.step().toMillis();
        final long start = spec.start().toEpochMilli();
        final long end = spec.end().toEpochMilli();
        final long lastAsOf = Math.floorDiv(end - (long) settings.horizon() * step, step) * step;
        final long scoredFrom = start + Math.floorDiv(options.warmUpMs() + step - 1, step) * step;
        if (scoredFrom > lastAsOf) {
            throw new IllegalArgumentException("the warm-up leaves no forecast to report: span " + options.days()
                    + " days, warm-up " + options.warmUpDays() + " days, horizon " + settings.horizon() + " steps");
        }
        final long holdoutFrom = scoredFrom + Math.floorDiv((lastAsOf - scoredFrom) / 2, step) * step;
        return new Periods(start, scoredFrom, holdoutFrom, lastAsOf, end);
    }

    private SeedOutcome runSeed(final long seed, final CalibrationOptions options, final Periods periods,
                                final List<BaseForecaster> forecasters, final CalibrationTrace trace) {
        final Grid grid = Grid.of(settings.step());
        final long stepMs = grid.stepMs();
        final int horizon = settings.horizon();
        final ContextAssembler assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        final FallbackGates gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(),
                settings.maxGapMs());
        final SimulatedMarkets simulated = SimulatedMarkets.run(options.spec(seed), grid, maxFutureSkewMs);
        final List<ForecasterRun> runs = new ArrayList<>();
        for (final BaseForecaster f : forecasters) {
            runs.add(new ForecasterRun(seed, f, periods, trace));
        }
        final SeedOutcome outcome = new SeedOutcome(runs);
        final long strideMs = options.every() * stepMs;
        for (long t = periods.startMs() + stepMs; t <= periods.lastAsOfMs() + horizon * stepMs; t += stepMs) {
            for (final ForecasterRun run : runs) {
                run.scoreMatured(t);
            }
            if (t > periods.lastAsOfMs() || (t - periods.startMs()) % strideMs != 0) {
                continue;
            }
            for (final ForecasterRun run : runs) {
                run.fitConformalIfDue(t);
            }
            for (final Map.Entry<String, MarketSteps> market : simulated.markets().entrySet()) {
                final MarketSteps steps = market.getValue();
                final MarketContext context = assembler.assemble(t,
                        steps.observed(assembler.fetchFromStepStart(t), assembler.fetchToStepStart(t)));
                if (context == null) {
                    continue;
                }
                final GateDecision decision = gates.evaluate(context, false);
                if (decision.baseline()) {
                    outcome.gated.merge(decision.reason(), 1L, Long::sum);
                    continue;
                }
                final String moving = motion.of(context.values());
                final String segment = SegmentCalibrators.segment(context.liquidityBucket(), moving);
                for (final ForecasterRun run : runs) {
                    run.forecast(steps, context, segment, MarketMotion.MOVING.equals(moving));
                }
                outcome.contexts++;
            }
        }
        for (final ForecasterRun run : runs) {
            if (!run.pending.isEmpty()) {
                throw new IllegalStateException(run.pending.size() + " forecasts were never scored");
            }
        }
        return outcome;
    }

    private CalibrationResult merge(final CalibrationOptions options, final Periods periods,
                                    final List<BaseForecaster> forecasters, final List<SeedOutcome> outcomes) {
        final Map<String, Long> gated = new HashMap<>();
        long contexts = 0;
        for (final SeedOutcome o : outcomes) {
            contexts += o.contexts;
            o.gated.forEach((k, v) -> gated.merge(k, v, Long::sum));
        }
        final List<ForecasterCalibration> results = new ArrayList<>();
        for (int f = 0; f < forecasters.size(); f++) {
            final ForecasterRun total = outcomes.get(0).runs.get(f);
            for (int s = 1; s < outcomes.size(); s++) {
                total.addAll(outcomes.get(s).runs.get(f));
            }
            results.add(total.result());
        }
        final CalibrationResult.Periods iso = new CalibrationResult.Periods(iso(periods.startMs()),
                iso(periods.scoredFromMs()), iso(periods.holdoutFromMs()), iso(periods.holdoutFromMs()),
                iso(periods.lastAsOfMs()), iso(periods.endMs()));
        return new CalibrationResult(options, settings.levels(), iso, contexts, gated, results);
    }

    private static String iso(final long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }

    /** A seed's forecaster runs and context counts. */
    private static final class SeedOutcome {
        private final List<ForecasterRun> runs;
        private final Map<String, Long> gated = new HashMap<>();
        private long contexts;

        SeedOutcome(final List<ForecasterRun> runs) {
            this.runs = runs;
        }
    }

    /** A forecast waiting for its last step to be realised, with everything served for it at as_of. */
    private record Pending(long asOfMs, MarketSteps steps, String segment, boolean moving, QuantilePaths base,
                           double[][] uncalibrated, double[][] minimumWidth, double[][][] served,
                           CalibrationSnapshot[] snapshots,
                           double[][] conformal, ConformalAdjustment[] conformalSteps) {
    }

    /** One forecaster within one seed: its calibrators, pending forecasts, sheets and conformal fit. */
    private final class ForecasterRun {
        private final long seed;
        private final BaseForecaster forecaster;
        private final Periods periods;
        private final CalibrationTrace trace;
        private final int horizon = settings.horizon();
        private final long stepMs = settings.step().toMillis();
        private final SegmentCalibrators[] calibrators = new SegmentCalibrators[methods.size()];
        /** Every step scaled to 0: post-processing then serves the minimum-width band around the median. */
        private final CalibrationSnapshot zeroScales = new CalibrationSnapshot("reference", "all",
                new double[horizon], new long[horizon], 0);
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private final CalibrationSheet uncalibratedScored;
        private final CalibrationSheet uncalibratedHoldout;
        private final CalibrationSheet minimumWidthScored;
        private final CalibrationSheet[] scored = new CalibrationSheet[methods.size()];
        private final CalibrationSheet[] holdout = new CalibrationSheet[methods.size()];
        private final CalibrationSheet conformalHoldout;
        /** (q_lo, q_0.5, q_hi, realised) of the base band, per segment and step, for the offline conformal. */
        private final Map<String, List<List<double[]>>> fitSamples = new HashMap<>();
        private Map<String, ConformalAdjustment[]> conformal;
        private long fitLatestRealisedMs = Long.MIN_VALUE;
        /** Latest realised close whose error any calibrator has seen. */
        private long latestFedMs = Long.MIN_VALUE;
        private long forecasts;
        private long scoredForecasts;
        private long holdoutForecasts;

        ForecasterRun(final long seed, final BaseForecaster forecaster, final Periods periods,
                      final CalibrationTrace trace) {
            this.seed = seed;
            this.forecaster = forecaster;
            this.periods = periods;
            this.trace = trace;
            final double[] levels = settings.levels();
            for (int m = 0; m < methods.size(); m++) {
                calibrators[m] = new SegmentCalibrators(methods.get(m).settings(), key -> null);
                scored[m] = new CalibrationSheet(levels, horizon);
                holdout[m] = new CalibrationSheet(levels, horizon);
            }
            uncalibratedScored = new CalibrationSheet(levels, horizon);
            uncalibratedHoldout = new CalibrationSheet(levels, horizon);
            minimumWidthScored = new CalibrationSheet(levels, horizon);
            conformalHoldout = new CalibrationSheet(levels, horizon);
        }

        private boolean conformalApplies() {
            final double[] levels = settings.levels();
            return levels.length == 3 && levels[1] == 0.5;
        }

        void forecast(final MarketSteps steps, final MarketContext context, final String segment,
                      final boolean moving) {
            final long asOf = context.asOfMs();
            final QuantilePaths base = forecaster.base(context);
            final double[][] uncalibrated = sanitizer.sanitize(base).paths().toArray();
            final double[][] minimumWidth = sanitizer.sanitize(bandCalibration.apply(base, zeroScales)).paths().toArray();
            final double[][][] served = new double[methods.size()][][];
            final CalibrationSnapshot[] snapshots = new CalibrationSnapshot[methods.size()];
            for (int m = 0; m < methods.size(); m++) {
                snapshots[m] = calibrators[m].snapshot(segment, horizon);
                served[m] = sanitizer.sanitize(bandCalibration.apply(base, snapshots[m])).paths().toArray();
                trace.served(seed, forecaster.name(), methods.get(m).name(), asOf, latestFedMs);
            }
            double[][] conformalPaths = null;
            ConformalAdjustment[] conformalSteps = null;
            if (asOf >= periods.holdoutFromMs() && conformal != null) {
                conformalSteps = conformal.get(segment);
                conformalPaths = sanitizer.sanitize(applyConformal(base, conformalSteps)).paths().toArray();
                trace.served(seed, forecaster.name(), CalibrationMethod.OFFLINE_CONFORMAL, asOf, fitLatestRealisedMs);
            }
            pending.addLast(new Pending(asOf, steps, segment, moving, base, uncalibrated, minimumWidth, served, snapshots,
                    conformalPaths, conformalSteps));
            forecasts++;
        }

        /** The seed's adjustment per step (probability space, before post-processing); unfitted steps keep the base. */
        private QuantilePaths applyConformal(final QuantilePaths base, final ConformalAdjustment[] steps) {
            final double[][] paths = base.toArray();
            if (steps == null) {
                return base;
            }
            for (int k = 0; k < horizon; k++) {
                if (steps[k] == null) {
                    continue;
                }
                final double[] adjusted = steps[k].apply(paths[0][k], paths[1][k], paths[2][k]);
                for (int i = 0; i < 3; i++) {
                    paths[i][k] = adjusted[i];
                }
            }
            return new QuantilePaths(base.levels(), paths);
        }

        /** At the first forecast boundary of the holdout: fit the offline conformal on what is realised by then. */
        void fitConformalIfDue(final long boundaryMs) {
            if (conformal != null || boundaryMs < periods.holdoutFromMs() || !conformalApplies()) {
                return;
            }
            final Pending oldest = pending.peekFirst();
            if (oldest != null && oldest.asOfMs() + horizon * stepMs <= periods.holdoutFromMs()) {
                throw new IllegalStateException("a forecast of the fit period is still unscored");
            }
            conformal = new HashMap<>();
            fitSamples.forEach((segment, bySteps) -> {
                final ConformalAdjustment[] fitted = new ConformalAdjustment[horizon];
                for (int k = 0; k < horizon; k++) {
                    final List<double[]> samples = bySteps.get(k);
                    if (samples.size() < minSamples) {
                        continue;
                    }
                    final int n = samples.size();
                    final double[] lo = new double[n];
                    final double[] mid = new double[n];
                    final double[] hi = new double[n];
                    final double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        final double[] s = samples.get(i);
                        lo[i] = s[0];
                        mid[i] = s[1];
                        hi[i] = s[2];
                        y[i] = s[3];
                    }
                    fitted[k] = ConformalAdjustment.fit(lo, mid, hi, y, CalibrationMethod.TARGET);
                }
                conformal.put(segment, fitted);
            });
            fitSamples.clear();
        }

        void scoreMatured(final long boundaryMs) {
            while (!pending.isEmpty() && pending.peekFirst().asOfMs() + horizon * stepMs <= boundaryMs) {
                score(pending.pollFirst(), boundaryMs);
            }
        }

        private void score(final Pending p, final long boundaryMs) {
            final double[] realised = new double[horizon];
            for (int h = 1; h <= horizon; h++) {
                final long close = p.asOfMs() + h * stepMs;
                realised[h - 1] = realisedAt(p.steps(), close, boundaryMs);
                final double[] band = BandCalibration.stepBand(p.base(), h - 1);
                final double error = scaler.error(band, realised[h - 1]);
                final double served = anyServedError ? servedBandError.error(band, realised[h - 1]) : error;
                for (int m = 0; m < methods.size(); m++) {
                    calibrators[m].update(p.segment(), h, methods.get(m).servedError() ? served : error);
                }
                latestFedMs = Math.max(latestFedMs, close);
                trace.updated(seed, forecaster.name(), boundaryMs, p.asOfMs(), h, close);
            }
            if (p.asOfMs() < periods.scoredFromMs()) {
                return;
            }
            scoredForecasts++;
            final boolean inHoldout = p.asOfMs() >= periods.holdoutFromMs();
            if (inHoldout) {
                holdoutForecasts++;
            } else if (p.asOfMs() + horizon * stepMs <= periods.holdoutFromMs() && conformalApplies()) {
                final List<List<double[]>> bySteps = fitSamples.computeIfAbsent(p.segment(), s -> {
                    final List<List<double[]>> lists = new ArrayList<>();
                    for (int k = 0; k < horizon; k++) {
                        lists.add(new ArrayList<>());
                    }
                    return lists;
                });
                for (int k = 0; k < horizon; k++) {
                    bySteps.get(k).add(new double[] {p.base().value(0, k), p.base().value(1, k),
                            p.base().value(2, k), realised[k]});
                    fitLatestRealisedMs = Math.max(fitLatestRealisedMs, p.asOfMs() + (k + 1) * stepMs);
                }
            }
            for (int k = 0; k < horizon; k++) {
                final int h = k + 1;
                final double y = realised[k];
                uncalibratedScored.add(p.moving(), h, column(p.uncalibrated(), k), y, 1.0, false);
                minimumWidthScored.add(p.moving(), h, column(p.minimumWidth(), k), y, 0.0, true);
                if (inHoldout) {
                    uncalibratedHoldout.add(p.moving(), h, column(p.uncalibrated(), k), y, 1.0, false);
                }
                for (int m = 0; m < methods.size(); m++) {
                    final double[] band = column(p.served()[m], k);
                    final CalibrationSnapshot snap = p.snapshots()[m];
                    scored[m].add(p.moving(), h, band, y, snap.servedScale(k), snap.applied(k));
                    if (inHoldout) {
                        holdout[m].add(p.moving(), h, band, y, snap.servedScale(k), snap.applied(k));
                    }
                }
                if (inHoldout && p.conformal() != null) {
                    final ConformalAdjustment adj = p.conformalSteps() == null ? null : p.conformalSteps()[k];
                    conformalHoldout.add(p.moving(), h, column(p.conformal(), k), y,
                            adj == null ? 1.0 : adj.widthScale(), adj != null);
                }
            }
        }

        void addAll(final ForecasterRun other) {
            forecasts += other.forecasts;
            scoredForecasts += other.scoredForecasts;
            holdoutForecasts += other.holdoutForecasts;
            uncalibratedScored.addAll(other.uncalibratedScored);
            uncalibratedHoldout.addAll(other.uncalibratedHoldout);
            minimumWidthScored.addAll(other.minimumWidthScored);
            conformalHoldout.addAll(other.conformalHoldout);
            for (int m = 0; m < methods.size(); m++) {
                scored[m].addAll(other.scored[m]);
                holdout[m].addAll(other.holdout[m]);
            }
        }

        ForecasterCalibration result() {
            final List<MethodScores> scoredList = new ArrayList<>();
            final List<MethodScores> holdoutList = new ArrayList<>();
            scoredList.add(MethodScores.of(CalibrationMethod.UNCALIBRATED, uncalibratedScored));
            holdoutList.add(MethodScores.of(CalibrationMethod.UNCALIBRATED, uncalibratedHoldout));
            for (int m = 0; m < methods.size(); m++) {
                scoredList.add(MethodScores.of(methods.get(m).name(), scored[m]));
                holdoutList.add(MethodScores.of(methods.get(m).name(), holdout[m]));
            }
            scoredList.add(MethodScores.of(CalibrationMethod.MINIMUM_WIDTH, minimumWidthScored));
            if (conformalApplies()) {
                holdoutList.add(MethodScores.of(CalibrationMethod.OFFLINE_CONFORMAL, conformalHoldout));
            }
            return new ForecasterCalibration(forecaster.name(), forecasts, scoredForecasts, holdoutForecasts,
                    scoredList, holdoutList);
        }
    }

    /** The realised grid value at {@code closeMs}, refused when it is not yet realised at the boundary. */
    static double realisedAt(final MarketSteps steps, final long closeMs, final long boundaryMs) {
        if (closeMs > boundaryMs) {
            throw new IllegalStateException("look-ahead: the value closing at " + Instant.ofEpochMilli(closeMs)
                    + " is read at boundary " + Instant.ofEpochMilli(boundaryMs));
        }
        return steps.valueAtClose(closeMs);
    }

    private static double[] column(final double[][] paths, final int k) {
        final double[] out = new double[paths.length];
        for (int i = 0; i < paths.length; i++) {
            out[i] = paths[i][k];
        }
        return out;
    }
}
