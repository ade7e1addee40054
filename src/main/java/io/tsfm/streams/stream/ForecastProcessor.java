package io.tsfm.streams.stream;

import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.GateDecision;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.ModelClient.Availability;
import io.tsfm.streams.model.SeriesOutcome;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.rollout.RolloutRouter;
import io.tsfm.streams.rollout.Route;
import io.tsfm.streams.rollout.RouteTarget;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.topology.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heart of the app, one instance per task. Ticks update the step and market stores; whenever this
 * task's event time passes a boundary (plus grace) a cycle gives every active market exactly one
 * forecast for that boundary: the baseline at once when a gate says so, otherwise a model job that is
 * written to the changelogged pending store and sent asynchronously. A wall-clock punctuator drains
 * answers and deadlines on the stream thread, emits, and deletes the pending entry in the same commit.
 * Each boundary first scores the forecasts its close realises (see {@link ForecastScoring}), so that the
 * calibration a cycle's forecasts get has learnt from every score realised by then and from none later.
 */
public final class ForecastProcessor implements Processor<String, Tick, String, Emission> {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastProcessor.class);
    static final String CYCLE_KEY = "cycle";

    private final ForecastSettings settings;
    private final ModelLane current;
    /** The rollout candidate where it serves; null without a candidate or in the shadow stage. */
    private final ModelLane candidate;
    /** The rollout candidate's shadow lane until init() wraps it in {@link #shadowPath}; null when nothing is shadowed. */
    private final ModelLane shadow;
    private ShadowPath shadowPath;
    private final RolloutRouter router;
    private final String stageId;
    private final Grid grid;
    private final ContextAssembler assembler;
    private final FallbackGates gates;
    private final ForecastFactory factory;
    private final TickCache tickCache = new TickCache();
    private final long marketExpiryMs;

    private ProcessorContext<String, Emission> context;
    private WindowStore<String, StepClose> steps;
    private KeyValueStore<String, MarketState> markets;
    private StepReader stepReader;
    private KeyValueStore<String, PendingJob> pending;
    private KeyValueStore<String, CycleState> cycles;
    private KeyValueStore<String, ForecastRecord> latest;
    private ForecastScoring scoring;
    private InputDrift inputDrift;
    private Cancellable drainSchedule;
    /** Removes this task's open jobs from tsfm.pending.jobs when it closes. */
    private Runnable untrackPending;
    /** In-memory copy of the cycle store's entry; written back whenever a cycle has run. */
    private CycleState cycleState;

    private final TsfmMetrics metrics;

    public ForecastProcessor(final ForecastSettings settings, final ModelClient client, final TsfmMetrics metrics) {
        this(settings, ModelClients.of(client), metrics);
    }

    public ForecastProcessor(final ForecastSettings settings, final ModelClients clients, final TsfmMetrics metrics) {
        this.settings = settings;
        this.current = ModelLane.of(clients.current(), settings);
        this.candidate = ModelLane.of(clients.candidate(), settings);
        this.shadow = ModelLane.of(clients.shadow(), settings);
        this.router = new RolloutRouter(settings.rollout());
        this.stageId = settings.rollout().stage().id();
        this.metrics = metrics;
        this.grid = Grid.of(settings.step());
        this.assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        this.gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(), settings.maxGapMs());
        this.factory = new ForecastFactory(settings);
        this.marketExpiryMs = settings.stepRetention().toMillis();
    }

    @Override
    public void init(final ProcessorContext<String, Emission> context) {
        this.context = context;
        this.tickCache.clear(); // the stores may have been restored or wiped since: they are the truth
        this.steps = context.getStateStore(Names.STEP_CLOSES_STORE);
        this.markets = context.getStateStore(Names.MARKET_STATE_STORE);
        this.pending = context.getStateStore(Names.PENDING_STORE);
        this.cycles = context.getStateStore(Names.CYCLE_STATE_STORE);
        this.cycleState = cycles.get(CYCLE_KEY);
        this.latest = context.getStateStore(Names.LATEST_FORECAST_STORE);
        this.stepReader = new StepReader(steps, markets);
        this.scoring = new ForecastScoring(settings, grid, metrics, new KafkaScoringStores(
                context.getStateStore(Names.OPEN_FORECASTS_STORE), context.getStateStore(Names.CALIBRATION_STORE),
                stepReader));
        if (shadow != null) {
            this.shadowPath = new ShadowPath(shadow, settings, factory, scoring, metrics, stageId,
                    (job, r) -> forward(job.marketId(), job.context().asOfMs(), Emission.shadowOf(r)));
        }
        this.inputDrift = new InputDrift(settings.drift(), context.getStateStore(Names.INPUT_DRIFT_STORE), metrics,
                context.taskId().toString());
        if (untrackPending == null) {
            final List<JobTracker> served = lanes().stream().filter(l -> l != shadow).map(ModelLane::tracker).toList();
            this.untrackPending = metrics.trackPending(() -> served.stream().mapToInt(JobTracker::openJobs).sum());
        }
        reissuePending();
        this.drainSchedule = context.schedule(Duration.ofMillis(settings.drainIntervalMs()),
                PunctuationType.WALL_CLOCK_TIME, this::drain);
    }

    /** Jobs that were pending when the task last stopped (crash, rebalance) are sent again. */
    private void reissuePending() {
        final long deadline = context.currentSystemTimeMs() + settings.jobDeadlineMs();
        final List<String> orphans = new ArrayList<>();
        int reissued = 0;
        try (KeyValueIterator<String, PendingJob> it = pending.all()) {
            while (it.hasNext()) {
                final KeyValue<String, PendingJob> kv = it.next();
                final MarketContext ctx = contextOf(kv.value.marketId(), markets.get(kv.value.marketId()),
                        kv.value.asOfMs());
                if (ctx == null) {
                    orphans.add(kv.key);
                    continue;
                }
                // the route is decided again: after a rollback the job goes to the model that serves now
                final Route route = router.route(kv.value.marketId(), ctx.liquidityBucket());
                final ModelLane lane = laneOf(route);
                final CalibrationSnapshot calibration = PendingJob.usable(kv.value.calibration())
                        ? kv.value.calibration() : scoring.snapshot(ctx, lane.client().modelName());
                final CalibrationSnapshot fallback = PendingJob.usable(kv.value.fallbackCalibration())
                        ? kv.value.fallbackCalibration() : scoring.snapshot(ctx, factory.baselineModelName());
                if (lane.tracker().add(new JobTracker.Job(kv.key, kv.value.marketId(), ctx,
                        deadline - settings.jobDeadlineMs(), deadline, calibration, fallback, modelRoute(route)))) {
                    reissued++;
                }
            }
        }
        for (final String key : orphans) {
            LOG.warn("pending job {} has no context left in the step store; dropped", key);
            pending.delete(key);
        }
        if (reissued > 0) {
            LOG.info("task {}: re-issuing {} pending model jobs", context.taskId(), reissued);
        }
    }

    @Override
    public void process(final Record<String, Tick> record) {
        final Tick tick = record.value();
        final CycleState state = cycleState;
        final long streamTime = state == null ? tick.tsMs() : Math.max(state.streamTimeMs(), tick.tsMs());
        final long due = grid.lastDueBoundary(streamTime, settings.cycleGraceMs());
        if (state == null) {
            cycleState = new CycleState(due, streamTime);
            cycles.put(CYCLE_KEY, cycleState);
        } else if (due > state.lastBoundaryMs()) {
            final long step = grid.stepMs();
            final long first = Math.max(state.lastBoundaryMs() + step, due - (long) settings.inputLen() * step);
            for (long boundary = first; boundary <= due; boundary += step) {
                // every forecast this boundary scores must have gone out first (only a replay outruns the model)
                settle(boundary - (long) settings.horizon() * step);
                final long realisedAt = boundary;
                scoring.scoreDue(boundary, (score, asOfMs) -> {
                    if (settings.publishes(asOfMs)) {
                        forward(score.marketId(), realisedAt, Emission.of(score));
                    }
                });
                if (settings.cycleRuns(boundary)) {
                    runCycle(boundary);
                }
            }
            cycleState = new CycleState(due, streamTime);
            cycles.put(CYCLE_KEY, cycleState);
            dispatch();
        } else {
            // Stream time only matters once it makes a new boundary due, and that is always persisted:
            // a restart replays the uncommitted ticks and recomputes it, so no write per tick.
            cycleState = new CycleState(state.lastBoundaryMs(), streamTime);
        }
        storeTick(tick);
    }

    private void storeTick(final Tick tick) {
        final String marketId = tick.marketId();
        final long start = grid.stepStart(tick.tsMs());
        // the cached state is what the store holds (this is its only writer), so a tick in the market's open
        // step reads no store; a cycle deletes markets silent for longer than the expiry, and one that could
        // have done so since the state was cached makes the store answer
        final MarketState cached = tickCache.get(marketId);
        final MarketState market = cached != null
                && cached.lastTickMs() >= cycleState.lastBoundaryMs() - marketExpiryMs
                ? cached : markets.get(marketId);
        final long latestStep = market == null ? Long.MIN_VALUE : grid.stepStart(market.lastTickMs());
        final StepClose existing;
        if (market != null && market.open() != null && market.openStepMs() == start) {
            existing = market.open();
        } else if (market != null && start > latestStep) {
            existing = null; // the tick opens the market's latest step: no close can exist for it yet
        } else {
            existing = steps.fetch(marketId, start);
        }
        final StepClose updated = existing == null
                ? new StepClose(tick.pYes(), tick.tsMs(), tick.liquidityBucket())
                : existing.merge(tick.pYes(), tick.tsMs(), tick.liquidityBucket());
        MarketState now = market;
        if (market == null || start >= latestStep) {
            // the open step: its close lives in the market state (one cached key per market, so a market's
            // ticks within a commit interval are one write); the step it leaves goes to the step store
            if (market != null && market.open() != null && start > market.openStepMs()) {
                steps.put(marketId, market.open(), market.openStepMs());
            }
            final MarketState base = market == null ? new MarketState(tick.tsMs(), tick.tsMs())
                    : start > latestStep ? market.withTick(tick.tsMs()) : market;
            if (updated != existing || base != market || market.open() == null) {
                now = base.withOpen(start, updated);
                markets.put(marketId, now);
            }
        } else if (updated != existing) {
            steps.put(marketId, updated, start); // a late tick into a step the market has left
        }
        tickCache.put(marketId, now);
    }

    private void runCycle(final long asOfMs) {
        final long started = System.nanoTime();
        final Availability currentModel = current.client().availability();
        final Availability candidateModel = candidate == null ? null : candidate.client().availability();
        final long now = context.currentSystemTimeMs();
        final long deadline = now + settings.jobDeadlineMs();
        final List<String> expired = new ArrayList<>();
        int jobs = 0;
        int gated = 0;
        try (KeyValueIterator<String, MarketState> it = markets.all()) {
            while (it.hasNext()) {
                final KeyValue<String, MarketState> kv = it.next();
                if (kv.value.lastTickMs() < asOfMs - marketExpiryMs) {
                    expired.add(kv.key);
                    continue;
                }
                final MarketContext ctx = contextOf(kv.key, kv.value, asOfMs);
                if (ctx == null) {
                    continue;
                }
                inputDrift.observe(ctx);
                final Route route = router.route(kv.key, ctx.liquidityBucket());
                final ModelLane lane = laneOf(route);
                final GateDecision decision = gates.evaluate(ctx, route,
                        lane == candidate ? candidateModel : currentModel);
                final CalibrationSnapshot fallback = scoring.snapshot(ctx, factory.baselineModelName());
                if (route.shadowCall() && shadowPath != null && !FallbackReasons.isInputGate(decision.reason())
                        && shadowPath.licensed()) {
                    shadowPath.ask(kv.key, ctx, now, deadline, fallback);
                }
                if (decision.baseline()) {
                    final String reason = FallbackReasons.ROUTE_POLICY_BASELINE.equals(decision.reason())
                            ? route.reason() : decision.reason();
                    emitBaseline(kv.key, ctx, decision.reason(), decision.detail(), null, fallback,
                            new ForecastFactory.RouteInfo(ForecastFactory.ROUTE_BASELINE, reason, stageId));
                    gated++;
                } else {
                    final CalibrationSnapshot calibration = scoring.snapshot(ctx, lane.client().modelName());
                    final PendingJob job = new PendingJob(kv.key, asOfMs, calibration, fallback);
                    if (lane.tracker().add(new JobTracker.Job(job.key(), kv.key, ctx, now, deadline, calibration,
                            fallback, modelRoute(route)))) {
                        pending.put(job.key(), job);
                        jobs++;
                    }
                }
            }
        }
        expired.forEach(markets::delete);
        inputDrift.flush();
        metrics.cycle(asOfMs, System.nanoTime() - started);
        LOG.debug("task {} cycle {}: {} model jobs, {} gated", context.taskId(), Instant.ofEpochMilli(asOfMs), jobs,
                gated);
    }

    /** The lane that serves a route's model: the candidate's where it serves, else the current model's. */
    private ModelLane laneOf(final Route route) {
        return route.target() == RouteTarget.CANDIDATE && candidate != null ? candidate : current;
    }

    private ForecastFactory.RouteInfo modelRoute(final Route route) {
        return new ForecastFactory.RouteInfo(ForecastFactory.ROUTE_TSFM, route.reason(), stageId);
    }

    private MarketContext contextOf(final String marketId, final MarketState market, final long asOfMs) {
        final List<ObservedStep> observed = new ArrayList<>();
        for (final KeyValue<Long, StepClose> kv : stepReader.fetch(marketId, market,
                assembler.fetchFromStepStart(asOfMs), assembler.fetchToStepStart(asOfMs))) {
            observed.add(new ObservedStep(kv.key, kv.value));
        }
        return assembler.assemble(asOfMs, observed);
    }

    private void dispatch() {
        for (final ModelLane lane : lanes()) {
            lane.tracker().dispatch();
        }
    }

    private List<ModelLane> lanes() {
        final List<ModelLane> out = new ArrayList<>(3);
        out.add(current);
        if (candidate != null) {
            out.add(candidate);
        }
        if (shadow != null) {
            out.add(shadow);
        }
        return out;
    }

    /** Wall-clock punctuation: hand answers and expired deadlines to the stream thread, then send more. */
    void drain(final long wallClockMs) {
        drainServing(current, wallClockMs);
        if (candidate != null) {
            drainServing(candidate, wallClockMs);
        }
        if (shadowPath != null) {
            shadowPath.drain(context.currentSystemTimeMs());
        }
        dispatch();
    }

    private void drainServing(final ModelLane lane, final long wallClockMs) {
        final JobTracker tracker = lane.tracker();
        final ModelClient client = lane.client();
        for (final JobTracker.Completion completion : tracker.drainCompletions()) {
            final BatchResult result = completion.result();
            final ForecastFactory.Call call = new ForecastFactory.Call(result.latencyMs(), result.attempts(),
                    completion.jobs().size());
            for (final JobTracker.Job job : completion.jobs()) {
                if (!tracker.resolve(job)) {
                    metrics.lateAnswer();
                    continue; // answered after its deadline: the baseline went out already
                }
                if (result.failed()) {
                    emitBaseline(job.marketId(), job.context(), FallbackReasons.forModelFailure(result.failureKind()),
                            result.failureDetail(), call, job.fallbackCalibration(), job.route(), client);
                } else {
                    final SeriesOutcome outcome = result.outcomes().get(job.key());
                    if (outcome != null && outcome.isValid()) {
                        emitForecast(factory.fromModel(job.marketId(), job.context(), outcome.paths(),
                                client.modelName(), client.breakerState(), call, job.calibration(), job.route()),
                                job.context(), job.calibration());
                    } else {
                        final String why = outcome == null ? "missing_series" : outcome.invalidReason();
                        metrics.invalidPayload(why);
                        emitBaseline(job.marketId(), job.context(), FallbackReasons.forInvalidSeries(why),
                                "series " + job.key() + ": " + why, call, job.fallbackCalibration(), job.route(),
                                client);
                    }
                }
                pending.delete(job.key());
                metrics.emitDelay(wallClockMs - job.createdMs());
            }
        }
        for (final JobTracker.Job job : tracker.expire(context.currentSystemTimeMs())) {
            expired(job, wallClockMs, client);
        }
    }

    private void expired(final JobTracker.Job job, final long wallClockMs, final ModelClient client) {
        metrics.emitDelay(wallClockMs - job.createdMs());
        emitBaseline(job.marketId(), job.context(), FallbackReasons.DEADLINE_EXCEEDED,
                "no valid answer within " + settings.jobDeadlineMs() + " ms", null, job.fallbackCalibration(),
                job.route(), client);
        pending.delete(job.key());
    }

    /**
     * Blocks until every model job made at or before {@code asOfMs} has gone out, by answer or deadline, so
     * that scoring, and the calibration learnt from it, happens at the same point of the stream however
     * fast the input is read. Live, those jobs are an horizon old and long done; a replay reading hours of
     * ticks per second waits here for the model instead of running ahead of it. The wait is also bounded
     * by the job deadline in real time, so a clock that does not move (tests) cannot stall the thread.
     */
    private void settle(final long asOfMs) {
        ModelLane waiting = waitingLane(asOfMs);
        if (waiting == null) {
            return;
        }
        final long giveUpAt = System.nanoTime() + settings.jobDeadlineMs() * 1_000_000L;
        while (waiting != null) {
            final long leftMs = (giveUpAt - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                for (final ModelLane lane : lanes()) {
                    if (lane == shadow) {
                        shadowPath.expireAtOrBefore(asOfMs);
                        continue;
                    }
                    for (final JobTracker.Job job : lane.tracker().expireAtOrBefore(asOfMs)) {
                        expired(job, context.currentSystemTimeMs(), lane.client());
                    }
                }
                return;
            }
            final long toDeadline = waiting.tracker().nextDeadlineMs() - context.currentSystemTimeMs();
            try {
                waiting.tracker().awaitCompletion(Math.max(1, Math.min(leftMs, Math.min(toDeadline, 100))));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.apache.kafka.common.errors.InterruptException(e);
            }
            drain(context.currentSystemTimeMs());
            waiting = waitingLane(asOfMs);
        }
    }

    private ModelLane waitingLane(final long asOfMs) {
        drain(context.currentSystemTimeMs());
        for (final ModelLane lane : lanes()) {
            if (lane.tracker().openAtOrBefore(asOfMs)) {
                return lane;
            }
        }
        return null;
    }

    private void emitBaseline(final String marketId, final MarketContext ctx, final String reason, final String detail,
                              final ForecastFactory.Call call, final CalibrationSnapshot calibration,
                              final ForecastFactory.RouteInfo route) {
        emitBaseline(marketId, ctx, reason, detail, call, calibration, route, current.client());
    }

    private void emitBaseline(final String marketId, final MarketContext ctx, final String reason, final String detail,
                              final ForecastFactory.Call call, final CalibrationSnapshot calibration,
                              final ForecastFactory.RouteInfo route, final ModelClient client) {
        final String breakerState = client.breakerState();
        emitForecast(factory.baseline(marketId, ctx, reason, breakerState, call, calibration, route), ctx,
                calibration);
        if (!settings.publishes(ctx.asOfMs())) {
            return;
        }
        metrics.fallback(reason);
        forward(marketId, ctx.asOfMs(), Emission.of(factory.fallbackEvent(marketId, ctx, reason, detail, breakerState,
                client.modelName())));
    }

    private void emitForecast(final ForecastFactory.Made made, final MarketContext ctx,
                              final CalibrationSnapshot calibration) {
        final ForecastRecord forecast = made.record();
        scoring.keep(made, ctx, calibration);
        if (!settings.publishes(ctx.asOfMs())) {
            return; // a replay's warm-up: kept for scoring (the calibration), never published
        }
        final ForecastChecks.Stats stats = ForecastChecks.of(forecast);
        metrics.forecastEmitted(forecast.meta().runtime(), stats.lastStepWidth(), stats.crossingFixed() ? 1 : 0,
                stats.invalidSteps());
        metrics.routeSelected(forecast.meta().routeSelected(), forecast.meta().routeReason());
        if (shadowPath != null) {
            shadowPath.served(forecast, ctx.asOfMs());
        }
        final ForecastRecord previous = latest.get(forecast.marketId());
        if (previous == null || previous.asOfTs().compareTo(forecast.asOfTs()) < 0) {
            latest.put(forecast.marketId(), forecast);
        }
        forward(forecast.marketId(), ctx.asOfMs(), Emission.of(forecast));
    }

    private void forward(final String marketId, final long asOfMs, final Emission emission) {
        context.forward(new Record<>(marketId, emission, asOfMs));
    }

    @Override
    public void close() {
        if (drainSchedule != null) {
            drainSchedule.cancel();
        }
        if (inputDrift != null) {
            inputDrift.close();
        }
        if (untrackPending != null) {
            untrackPending.run();
        }
        for (final ModelLane lane : lanes()) {
            lane.tracker().close();
        }
    }
}
