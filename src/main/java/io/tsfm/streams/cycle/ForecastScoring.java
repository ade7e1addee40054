package io.tsfm.streams.cycle;

import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.CalibrationSettings;
import io.tsfm.streams.calibrate.MarketMotion;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.calibrate.SegmentCalibrators;
import io.tsfm.streams.calibrate.TickSize;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.score.ForecastScorer;
import io.tsfm.streams.score.HorizonBucket;
import io.tsfm.streams.score.ScoreTally;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * Scoring and online calibration, over {@link ScoringStores} (the task's stores in the stream, maps in the
 * offline evaluation): every served forecast is kept open until the boundary that realises its last step,
 * then scored, its errors fed to its segment's calibrators, and forgotten. Forecasts made at a boundary take
 * a calibration snapshot of the scores realised by then, never later ones.
 */
public final class ForecastScoring {
    private final ForecastSettings settings;
    private final Grid grid;
    private final MarketMotion motion;
    private final ForecastScorer scorer;
    private final ScoringMeters metrics;
    private final ScoringStores stores;
    /** One calibrator set per model (and one for the baseline): their bands need different corrections. */
    private final Map<String, SegmentCalibrators> calibrators = new HashMap<>();

    private final CalibrationSettings calibrationSettings;
    /** Snapshots taken in the current cycle, by model and segment: every market of a segment gets the same one. */
    private final Map<String, CalibrationSnapshot> cycleSnapshots = new HashMap<>();

    private long snapshotBoundaryMs = Long.MIN_VALUE;
    /** The segment and cell of the last context asked about: a plan asks twice, for two models. */
    private MarketContext cellContext;

    private String cellSegment;
    private String cell;
    /** The baseline, asked beside every served model forecast when its calibrators are kept warm. */
    private final StandbyBaseline standby;

    public ForecastScoring(
            final ForecastSettings settings, final Grid grid, final ScoringMeters metrics, final ScoringStores stores) {
        final CalibrationSettings c = settings.calibration();
        this.settings = settings;
        this.grid = grid;
        this.motion = c.motion();
        this.scorer = new ForecastScorer(
                new QuantileSanitizer(settings.minWidth(), settings.maxWidth()),
                new BandScaler(settings.transform(), settings.levels(), c.tickUnits()),
                grid.stepMs(),
                c.target());
        this.metrics = metrics;
        this.stores = stores;
        this.calibrationSettings = c;
        this.standby = StandbyBaseline.of(settings);
    }

    /** Store key prefix of a model's calibrators: {@code <model>|<bucket>|<motion>|<step>}. */
    private SegmentCalibrators calibrators(final String model) {
        return calibrators.computeIfAbsent(
                model, m -> new SegmentCalibrators(calibrationSettings, k -> stores.calibrator(m + "|" + k)));
    }

    /**
     * The calibration a forecast by {@code model} at the context's as_of gets: its model's and segment's,
     * as learnt by now.
     */
    @SuppressWarnings("ReferenceEquality") // the same context object: a plan asks for the baseline's and the model's
    public CalibrationSnapshot snapshot(final MarketContext context, final String model) {
        if (context.asOfMs() != snapshotBoundaryMs) {
            cycleSnapshots.clear();
            snapshotBoundaryMs = context.asOfMs();
        }
        if (context != cellContext) {
            final double[] values = context.values();
            cellSegment = SegmentCalibrators.segment(context.liquidityBucket(), motion.of(values));
            cell = SegmentCalibrators.cell(
                    context.liquidityBucket(),
                    motion.activity(values),
                    calibrationSettings.tickUnits() ? TickSize.of(values) : 0.0);
            cellContext = context;
        }
        final String segment = cellSegment;
        return cycleSnapshots.computeIfAbsent(model + "|" + cell, s -> {
            final CalibrationSnapshot snap = calibrators(model).snapshot(segment, cell, settings.horizon());
            for (int k = 0; k < settings.horizon(); k++) {
                metrics.calibrationScale(
                        model,
                        segment,
                        HorizonBucket.of(k + 1),
                        Math.sqrt(snap.lowerScale(k, false) * snap.upperScale(k, false)));
            }
            return snap;
        });
    }

    /** Keeps a served forecast until its horizon is realised. */
    public void keep(final ForecastFactory.Made made, final MarketContext context, final CalibrationSnapshot snapshot) {
        keep(made, context, snapshot, null, false);
    }

    /**
     * Keeps a served model forecast whose standby band ({@link StandbyBaseline#band}) was computed ahead, on
     * another thread; null computes it here.
     */
    public void keep(
            final ForecastFactory.Made made,
            final MarketContext context,
            final CalibrationSnapshot snapshot,
            final double[][] standbyBand) {
        keep(made, context, snapshot, standbyBand, false);
    }

    /** Keeps a shadow forecast (never served) to be scored alike, under its own key. */
    public void keepShadow(
            final ForecastFactory.Made made, final MarketContext context, final CalibrationSnapshot snapshot) {
        keep(made, context, snapshot, null, true);
    }

    private void keep(
            final ForecastFactory.Made made,
            final MarketContext context,
            final CalibrationSnapshot snapshot,
            final double[][] standbyBand,
            final boolean shadow) {
        final ForecastRecord r = made.record();
        final double anchor = context.values()[context.length() - 1];
        final OpenForecast f = new OpenForecast(
                r.marketId(),
                context.asOfMs(),
                r.meta().runtime(),
                r.meta().modelName(),
                r.meta().fallbackReason(),
                snapshot.segment(),
                anchor,
                r.quantiles(),
                made.base().toArray(),
                made.served().toArray(),
                r.meta().calibration(),
                shadow,
                snapshot.cell(),
                made.tick(),
                servedScales(snapshot, made, true),
                servedScales(snapshot, made, false),
                standby.enabled()
                                && !shadow
                                && ForecastFactory.RUNTIME_MODEL.equals(r.meta().runtime())
                        ? (standbyBand != null ? standbyBand : standby.band(context))
                        : null);
        stores.keep(f);
    }

    /** Per step, the scale of one side applied to a forecast's band: 0 where none was (not enough samples, off). */
    private double[] servedScales(
            final CalibrationSnapshot snapshot, final ForecastFactory.Made made, final boolean lower) {
        final boolean[] flat = made.flat();
        final double[] out = new double[flat.length];
        if (!calibrationSettings.enabled()) {
            return out;
        }
        for (int k = 0; k < out.length; k++) {
            if (snapshot.applied(k, flat[k])) {
                out[k] = lower ? snapshot.lowerScale(k, flat[k]) : snapshot.upperScale(k, flat[k]);
            }
        }
        return out;
    }

    /**
     * Scores the first {@code limit} open forecasts whose last step closes at or before {@code boundaryMs}, in key
     * order (as_of, then market), feeds the calibrators and hands each score record and its as_of to {@code out}.
     * Called again, it goes on where it stopped (a scored forecast leaves the store), so slices together make the
     * same scores, in the same order, as one pass.
     *
     * @return how many it scored: fewer than {@code limit} when none is left
     */
    public int scoreDue(final long boundaryMs, final int limit, final ObjLongConsumer<ForecastScore> out) {
        if (snapshotBoundaryMs != Long.MIN_VALUE && snapshotBoundaryMs < boundaryMs) {
            cycleSnapshots.clear();
        }
        final long lastAsOf = boundaryMs - (long) settings.horizon() * grid.stepMs();
        final List<OpenForecast> due = stores.dueAtOrBefore(lastAsOf, limit);
        if (due.isEmpty()) {
            return 0;
        }
        final ScoreTally tally = new ScoreTally();
        for (final OpenForecast f : due) {
            final ForecastScorer.Result result = scorer.score(f, closes(f), boundaryMs);
            // a shadow fallback is the baseline again: its errors are the served baseline's business
            if (!(f.shadow() && ForecastFactory.RUNTIME_BASELINE.equals(f.runtime()))) {
                final SegmentCalibrators own = calibrators(f.modelName());
                for (int k = 0; k < result.flat().length; k++) {
                    own.update(
                            f.calibrationCell(),
                            result.flat()[k],
                            k + 1,
                            result.lowerErrors()[k],
                            result.upperErrors()[k],
                            f.servedLowerScale(k),
                            f.servedUpperScale(k));
                }
            }
            if (f.standbyBase() != null && standby.enabled()) {
                // the baseline's band beside a model forecast: never served, so its misses are against the current
                // scale; it keeps the baseline calibrated for when the model is down
                final ForecastScorer.Errors e = scorer.errors(f.standbyBase(), result.realised(), f.tick());
                final SegmentCalibrators baseline = calibrators(standby.modelName());
                for (int k = 0; k < e.flat().length; k++) {
                    baseline.update(f.calibrationCell(), e.flat()[k], k + 1, e.lower()[k], e.upper()[k], 0.0, 0.0);
                }
            }
            tally.add(f.runtime(), f.modelName(), f.segment(), result.served(), result.uncalibrated(), f.shadow());
            out.accept(result.record(), f.asOfMs());
            stores.scored(f);
        }
        calibrators.forEach((model, set) -> set.takeDirty().forEach((k, v) -> stores.calibrator(model + "|" + k, v)));
        report(tally);
        return due.size();
    }

    /** The last tick of each horizon step of {@code f}, NaN where the step had none. */
    private double[] closes(final OpenForecast f) {
        final long step = grid.stepMs();
        final int horizon = f.base()[0].length;
        final double[] closes = new double[horizon];
        Arrays.fill(closes, Double.NaN);
        for (final ObservedStep o : stores.steps(f.marketId(), f.asOfMs(), f.asOfMs() + (horizon - 1) * step)) {
            closes[(int) ((o.stepStartMs() - f.asOfMs()) / step)] = o.close().p();
        }
        return closes;
    }

    private void report(final ScoreTally tally) {
        tally.forecasts().forEach(metrics::forecastsScored);
        tally.sums().forEach((l, s) -> {
            if (s.inside > 0) {
                metrics.scoredSteps(l.runtime(), l.model(), l.segment(), l.horizon(), l.band(), "inside", s.inside);
            }
            if (s.below > 0) {
                metrics.scoredSteps(l.runtime(), l.model(), l.segment(), l.horizon(), l.band(), "below", s.below);
            }
            if (s.above > 0) {
                metrics.scoredSteps(l.runtime(), l.model(), l.segment(), l.horizon(), l.band(), "above", s.above);
            }
            metrics.scoreLoss(l.runtime(), l.model(), l.segment(), l.horizon(), l.band(), s.pinball, s.width);
        });
    }
}
