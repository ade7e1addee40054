package io.tsfm.streams.cycle;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.GateDecision;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.RouteReasons;
import io.tsfm.streams.rollout.RolloutRouter;
import io.tsfm.streams.rollout.Route;
import io.tsfm.streams.score.ForecastScore;

/**
 * The order of work of a boundary cycle, the one copy that the stream processor and the offline evaluation
 * both drive: the cycle clock, the scores a boundary realises before any forecast of it, and for each market
 * the route, the gates, the calibration snapshots and the records. Pure: stores, model answers and in-flight
 * work reach it through small ports ({@link ScoringStores}, {@link Models}, {@link InFlight}, {@link ScoreSink}).
 */
public final class CycleEngine {

    /** The model work still in flight, which must be settled before the forecasts it answers are scored. */
    @FunctionalInterface
    public interface InFlight {
        /** Nothing in flight: the model is asked in-process (the offline evaluation). */
        InFlight NONE = asOfMs -> {};

        /** Returns once every model job made at or before {@code asOfMs} has gone out, by answer or deadline. */
        void settle(long asOfMs);
    }

    /** Where a boundary's scores go. */
    @FunctionalInterface
    public interface ScoreSink {
        /**
         * One forecast made at {@code asOfMs}, scored at {@code boundaryMs}; {@code published} is false for a
         * replay's warm-up, whose scores only teach the calibrators.
         */
        void scored(ForecastScore score, long asOfMs, long boundaryMs, boolean published);
    }

    /** The models a cycle may ask: which one serves a route, and whether it can be called now. */
    public interface Models {
        /** The name of the model that serves {@code route}: its forecasts' and calibrators'. */
        String modelName(Route route);

        ModelAvailability availability(Route route);
    }

    /**
     * One market's decision at a boundary: its route, the gate decision, the calibration of the baseline (always
     * taken: a failed model call falls back to it) and of the model (null when a gate chose the baseline), and
     * whether the rollout candidate is asked in shadow.
     */
    public record Plan(
            String marketId,
            MarketContext context,
            Route route,
            GateDecision decision,
            CalibrationSnapshot fallback,
            CalibrationSnapshot calibration,
            boolean shadow) {

        /** A gate chose the baseline: it is served at once, without a model call. */
        public boolean gated() {
            return decision.baseline();
        }
    }

    private final ForecastSettings settings;
    private final Grid grid;
    private final RolloutRouter router;
    private final FallbackGates gates;
    private final ForecastFactory factory;
    private final String stageId;

    public CycleEngine(final ForecastSettings settings) {
        this.settings = settings;
        this.grid = Grid.of(settings.step());
        this.router = new RolloutRouter(settings.rollout());
        this.gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(), settings.maxGapMs());
        this.factory = new ForecastFactory(settings);
        this.stageId = settings.rollout().stage().id();
    }

    public ForecastSettings settings() {
        return settings;
    }

    public Grid grid() {
        return grid;
    }

    public RolloutRouter router() {
        return router;
    }

    public ForecastFactory factory() {
        return factory;
    }

    /** The last boundary due at {@code streamTimeMs}: its close plus the grace has passed. */
    public long dueAt(final long streamTimeMs) {
        return grid.lastDueBoundary(streamTimeMs, settings.cycleGraceMs());
    }

    /** A task's state at its first tick: the boundaries due by then have no market yet and count as done. */
    public CycleState firstTick(final long tsMs) {
        return new CycleState(dueAt(tsMs), tsMs);
    }

    /**
     * The next boundary up to {@code due}: one step after the last, except after a long silence, when only the
     * last {@code input.len.steps} boundaries are caught up (older ones have no active market).
     */
    public long nextBoundary(final CycleState state, final long due) {
        final long step = grid.stepMs();
        return Math.max(state.lastBoundaryMs() + step, due - (long) settings.inputLen() * step);
    }

    /**
     * Opens the next boundary up to {@code due}: nothing is done yet; {@link #scoreSlice} makes the scores it
     * realises, then its cycle, when it runs, starts.
     */
    public CycleState openBoundary(final CycleState state, final long due) {
        final long boundary = nextBoundary(state, due);
        return CycleState.opening(boundary, state.streamTimeMs(), settings.cycleRuns(boundary));
    }

    /** What a scoring slice did: the state with its progress, and how many forecasts it scored. */
    public record ScoreSlice(CycleState state, int scored) {}

    /**
     * Makes up to {@code limit} of the scores the opening boundary realises, as {@link #scoreBoundary} makes all of
     * them (after the model work that made them went out); once none is left the state says so, and the
     * boundary's cycle, when it has one, runs next.
     */
    public ScoreSlice scoreSlice(
            final CycleState state,
            final int limit,
            final ForecastScoring scoring,
            final InFlight inFlight,
            final ScoreSink out) {
        final int scored = score(state.lastBoundaryMs(), limit, scoring, inFlight, out);
        return new ScoreSlice(scored < limit ? state.scored() : state, scored);
    }

    /**
     * Scores every forecast that {@code boundaryMs} realises, after the model work that made them went out
     * (only a replay outruns the model), so that the cycle's calibration learns from every score realised by
     * then and from none later.
     *
     * @return whether the boundary's cycle runs (see {@link ForecastSettings#cycleRuns})
     */
    public boolean scoreBoundary(
            final long boundaryMs, final ForecastScoring scoring, final InFlight inFlight, final ScoreSink out) {
        score(boundaryMs, Integer.MAX_VALUE, scoring, inFlight, out);
        return settings.cycleRuns(boundaryMs);
    }

    /** Settles the model work an horizon old, then makes up to {@code limit} of the boundary's scores. */
    private int score(
            final long boundaryMs,
            final int limit,
            final ForecastScoring scoring,
            final InFlight inFlight,
            final ScoreSink out) {
        inFlight.settle(boundaryMs - (long) settings.horizon() * grid.stepMs());
        return scoring.scoreDue(
                boundaryMs,
                limit,
                (score, asOfMs) -> out.scored(score, asOfMs, boundaryMs, settings.publishes(asOfMs)));
    }

    /**
     * A market's decision at its context's boundary: the route, then the gates (the first match wins), then the
     * calibration snapshots of the baseline and, unless gated, of the route's model.
     */
    public Plan plan(
            final String marketId, final MarketContext context, final ForecastScoring scoring, final Models models) {
        final Route route = router.route(marketId, context.liquidityBucket());
        final GateDecision decision = gates.evaluate(context, route, models.availability(route));
        final CalibrationSnapshot fallback = scoring.snapshot(context, factory.baselineModelName());
        final CalibrationSnapshot calibration =
                decision.baseline() ? null : scoring.snapshot(context, models.modelName(route));
        final boolean shadow = route.shadowCall() && !FallbackReasons.isInputGate(decision.reason());
        return new Plan(marketId, context, route, decision, fallback, calibration, shadow);
    }

    /**
     * The route meta of a gated market's baseline: a route to the baseline names the rollout's reason, any
     * other gate its own.
     */
    public ForecastFactory.RouteInfo gatedRoute(final Plan plan) {
        final String reason =
                FallbackReasons.ROUTE_POLICY_BASELINE.equals(plan.decision().reason())
                        ? plan.route().reason()
                        : plan.decision().reason();
        return new ForecastFactory.RouteInfo(RouteReasons.SELECTED_BASELINE, reason, stageId);
    }

    /** The route meta of a forecast on the model path (served by the model, or its fallback after the call). */
    public ForecastFactory.RouteInfo modelRoute(final Route route) {
        return new ForecastFactory.RouteInfo(RouteReasons.SELECTED_TSFM, route.reason(), stageId);
    }

    /** A gated market's forecast: the baseline, calibrated by the plan's baseline snapshot. */
    public ForecastFactory.Made gatedBaseline(final Plan plan, final String breakerState) {
        return factory.baseline(
                plan.marketId(),
                plan.context(),
                plan.decision().reason(),
                breakerState,
                null,
                plan.fallback(),
                gatedRoute(plan));
    }

    /** The model's valid answer to a planned market, calibrated by the plan's model snapshot. */
    public ForecastFactory.Made answered(
            final Plan plan,
            final QuantilePaths modelSpace,
            final String modelName,
            final String breakerState,
            final ForecastFactory.Call call) {
        return factory.fromModel(
                plan.marketId(),
                plan.context(),
                modelSpace,
                modelName,
                breakerState,
                call,
                plan.calibration(),
                modelRoute(plan.route()));
    }

    /** Keeps a planned market's forecast for scoring, with the calibration it was served with. */
    public void keep(final ForecastScoring scoring, final ForecastFactory.Made made, final Plan plan) {
        scoring.keep(made, plan.context(), plan.gated() ? plan.fallback() : plan.calibration());
    }
}
