package io.tsfm.streams.forecast;

import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.CalibrationSettings;
import io.tsfm.streams.calibrate.CalibrationSnapshot;
import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.calibrate.MarketMotion;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.calibrate.SegmentCalibrators;
import io.tsfm.streams.context.Grid;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.context.StepClose;
import io.tsfm.streams.ops.TsfmMetrics;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.score.ForecastScorer;
import io.tsfm.streams.score.HorizonBucket;
import io.tsfm.streams.score.ScoreTally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The forecast processor's scoring and online calibration, over the task's stores: every served forecast
 * is kept open until the boundary that realises its last step, then scored, its errors fed to its
 * segment's calibrators, and deleted. Forecasts made at a boundary take a calibration snapshot of the
 * scores realised by then, never later ones.
 */
final class ForecastScoring {
    private final ForecastSettings settings;
    private final Grid grid;
    private final MarketMotion motion;
    private final ForecastScorer scorer;
    private final TsfmMetrics metrics;
    private final KeyValueStore<String, OpenForecast> open;
    private final StepReader steps;
    private final KeyValueStore<String, CalibratorState> calibration;
    /** One calibrator set per model (and one for the baseline): their bands need different corrections. */
    private final Map<String, SegmentCalibrators> calibrators = new HashMap<>();
    private final CalibrationSettings calibrationSettings;
    /** Snapshots taken in the current cycle, by model and segment: every market of a segment gets the same one. */
    private final Map<String, CalibrationSnapshot> cycleSnapshots = new HashMap<>();
    private long snapshotBoundaryMs = Long.MIN_VALUE;

    ForecastScoring(final ForecastSettings settings, final Grid grid, final TsfmMetrics metrics,
                    final KeyValueStore<String, OpenForecast> open, final StepReader steps,
                    final KeyValueStore<String, CalibratorState> calibration) {
        final CalibrationSettings c = settings.calibration();
        this.settings = settings;
        this.grid = grid;
        this.motion = c.motion();
        this.scorer = new ForecastScorer(new QuantileSanitizer(settings.minWidth(), settings.maxWidth()),
                new BandScaler(settings.transform(), settings.levels()), grid.stepMs(), c.target());
        this.metrics = metrics;
        this.open = open;
        this.steps = steps;
        this.calibration = calibration;
        this.calibrationSettings = c;
    }

    /** Store key prefix of a model's calibrators: {@code <model>|<bucket>|<motion>|<step>}. */
    private SegmentCalibrators calibrators(final String model) {
        return calibrators.computeIfAbsent(model,
                m -> new SegmentCalibrators(calibrationSettings, k -> calibration.get(m + "|" + k)));
    }

    /**
     * The calibration a forecast by {@code model} at the context's as_of gets: its model's and segment's,
     * as learnt by now.
     */
    CalibrationSnapshot snapshot(final MarketContext context, final String model) {
        if (context.asOfMs() != snapshotBoundaryMs) {
            cycleSnapshots.clear();
            snapshotBoundaryMs = context.asOfMs();
        }
        final String segment = SegmentCalibrators.segment(context.liquidityBucket(), motion.of(context.values()));
        return cycleSnapshots.computeIfAbsent(model + "|" + segment, s -> {
            final CalibrationSnapshot snap = calibrators(model).snapshot(segment, settings.horizon());
            for (int k = 0; k < settings.horizon(); k++) {
                metrics.calibrationScale(model, segment, HorizonBucket.of(k + 1), snap.servedScale(k));
            }
            return snap;
        });
    }

    /** Keeps a served forecast until its horizon is realised. */
    void keep(final ForecastFactory.Made made, final MarketContext context, final CalibrationSnapshot snapshot) {
        keep(made, context, snapshot, false);
    }

    /** Keeps a shadow forecast (never served) to be scored alike, under its own key. */
    void keepShadow(final ForecastFactory.Made made, final MarketContext context, final CalibrationSnapshot snapshot) {
        keep(made, context, snapshot, true);
    }

    private void keep(final ForecastFactory.Made made, final MarketContext context, final CalibrationSnapshot snapshot,
                      final boolean shadow) {
        final ForecastRecord r = made.record();
        final double anchor = context.values()[context.length() - 1];
        final OpenForecast f = new OpenForecast(r.marketId(), context.asOfMs(), r.meta().runtime(),
                r.meta().modelName(), r.meta().fallbackReason(), snapshot.segment(), anchor, r.quantiles(),
                made.base().toArray(), made.served().toArray(), r.meta().calibration(), shadow);
        open.put(f.key(), f);
    }

    /**
     * Scores every open forecast whose last step closes at or before {@code boundaryMs}, in key order
     * (as_of, then market), feeds the calibrators and hands each score record and its as_of to {@code out}.
     */
    void scoreDue(final long boundaryMs, final ObjLongConsumer<ForecastScore> out) {
        if (snapshotBoundaryMs != Long.MIN_VALUE && snapshotBoundaryMs < boundaryMs) {
            cycleSnapshots.clear();
        }
        final long lastAsOf = boundaryMs - (long) settings.horizon() * grid.stepMs();
        final List<OpenForecast> due = new ArrayList<>();
        try (KeyValueIterator<String, OpenForecast> it = open.range(null, OpenForecast.lastKeyAtOrBefore(lastAsOf))) {
            while (it.hasNext()) {
                due.add(it.next().value);
            }
        }
        if (due.isEmpty()) {
            return;
        }
        final ScoreTally tally = new ScoreTally();
        for (final OpenForecast f : due) {
            final ForecastScorer.Result result = scorer.score(f, closes(f), boundaryMs);
            // a shadow fallback is the baseline again: its errors are the served baseline's business
            if (!(f.shadow() && ForecastFactory.RUNTIME_BASELINE.equals(f.runtime()))) {
                final SegmentCalibrators own = calibrators(f.modelName());
                for (int k = 0; k < result.errors().length; k++) {
                    own.update(f.segment(), k + 1, result.errors()[k]);
                }
            }
            tally.add(f.runtime(), f.modelName(), f.segment(), result.served(), result.uncalibrated(), f.shadow());
            out.accept(result.record(), f.asOfMs());
            open.delete(f.key());
        }
        calibrators.forEach((model, set) -> set.takeDirty().forEach((k, v) -> calibration.put(model + "|" + k, v)));
        report(tally);
    }

    /** The last tick of each horizon step of {@code f}, NaN where the step had none. */
    private double[] closes(final OpenForecast f) {
        final long step = grid.stepMs();
        final int horizon = f.base()[0].length;
        final double[] closes = new double[horizon];
        Arrays.fill(closes, Double.NaN);
        for (final KeyValue<Long, StepClose> kv : steps.fetch(f.marketId(), f.asOfMs(),
                f.asOfMs() + (horizon - 1) * step)) {
            closes[(int) ((kv.key - f.asOfMs()) / step)] = kv.value.p();
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
