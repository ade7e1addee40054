package io.tsfm.streams.stream;

import io.tsfm.streams.domain.RouteReasons;
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
 * The heart of the app, one instance per task: the cycle clock over the stores. Ticks go to the
 * {@link StepRecorder}; whenever this task's event time passes a boundary (plus grace) a cycle gives every
 * active market exactly one forecast for that boundary: the baseline at once when a gate says so, otherwise
 * a model job handed to {@link ModelCalls}, which owns the in-flight work (pending store, deadlines,
 * re-issue) and drains answers on a wall-clock punctuator into the {@link Emitter}. Each boundary first
 * scores the forecasts its close realises (see {@link ForecastScoring}), so that the calibration a cycle's
 * forecasts get has learnt from every score realised by then and from none later.
 */
public final class ForecastProcessor implements Processor<String, Tick, String, Emission> {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastProcessor.class);
    static final String CYCLE_KEY = "cycle";

    private final ForecastSettings settings;
    private final ModelCalls calls;
    private final RolloutRouter router;
    private final String stageId;
    private final Grid grid;
    private final ContextAssembler assembler;
    private final FallbackGates gates;
    private final ForecastFactory factory;
    private final StepRecorder recorder;
    private final long marketExpiryMs;
    private final TsfmMetrics metrics;

    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, MarketState> markets;
    private StepReader stepReader;
    private KeyValueStore<String, CycleState> cycles;
    private ForecastScoring scoring;
    private Emitter emitter;
    private InputDrift inputDrift;
    private Cancellable drainSchedule;
    /** In-memory copy of the cycle store's entry; written back whenever a cycle has run. */
    private CycleState cycleState;

    public ForecastProcessor(final ForecastSettings settings, final ModelClient client, final TsfmMetrics metrics) {
        this(settings, ModelClients.of(client), metrics);
    }

    public ForecastProcessor(final ForecastSettings settings, final ModelClients clients, final TsfmMetrics metrics) {
        this.settings = settings;
        this.router = new RolloutRouter(settings.rollout());
        this.calls = new ModelCalls(settings, clients, router, metrics);
        this.stageId = settings.rollout().stage().id();
        this.metrics = metrics;
        this.grid = Grid.of(settings.step());
        this.assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        this.gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(), settings.maxGapMs());
        this.factory = new ForecastFactory(settings);
        this.marketExpiryMs = settings.stepRetention().toMillis();
        this.recorder = new StepRecorder(grid, marketExpiryMs);
    }

    @Override
    public void init(final ProcessorContext<String, Emission> context) {
        this.context = context;
        final WindowStore<String, StepClose> steps = context.getStateStore(Names.STEP_CLOSES_STORE);
        this.markets = context.getStateStore(Names.MARKET_STATE_STORE);
        this.recorder.init(steps, markets);
        this.cycles = context.getStateStore(Names.CYCLE_STATE_STORE);
        this.cycleState = cycles.get(CYCLE_KEY);
        this.stepReader = new StepReader(steps, markets);
        this.scoring = new ForecastScoring(settings, grid, metrics, new KafkaScoringStores(
                context.getStateStore(Names.OPEN_FORECASTS_STORE), context.getStateStore(Names.CALIBRATION_STORE),
                stepReader));
        this.emitter = new Emitter(settings, factory, scoring, context.getStateStore(Names.LATEST_FORECAST_STORE),
                metrics, context);
        this.inputDrift = new InputDrift(settings.drift(), context.getStateStore(Names.INPUT_DRIFT_STORE), metrics,
                context.taskId().toString());
        calls.init(context, context.getStateStore(Names.PENDING_STORE), factory, scoring, emitter,
                (marketId, asOfMs) -> contextOf(marketId, markets.get(marketId), asOfMs));
        this.drainSchedule = context.schedule(Duration.ofMillis(settings.drainIntervalMs()),
                PunctuationType.WALL_CLOCK_TIME, calls::drain);
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
                calls.settle(boundary - (long) settings.horizon() * step);
                final long realisedAt = boundary;
                scoring.scoreDue(boundary, (score, asOfMs) -> {
                    if (settings.publishes(asOfMs)) {
                        emitter.forward(score.marketId(), realisedAt, Emission.of(score));
                    }
                });
                if (settings.cycleRuns(boundary)) {
                    runCycle(boundary);
                }
            }
            cycleState = new CycleState(due, streamTime);
            cycles.put(CYCLE_KEY, cycleState);
            calls.dispatch();
        } else {
            // Stream time only matters once it makes a new boundary due, and that is always persisted:
            // a restart replays the uncommitted ticks and recomputes it, so no write per tick.
            cycleState = new CycleState(state.lastBoundaryMs(), streamTime);
        }
        recorder.record(tick, cycleState.lastBoundaryMs());
    }

    /** One boundary's cycle: every active market gets a baseline forecast at once or a model job. */
    private void runCycle(final long asOfMs) {
        final long started = System.nanoTime();
        final Availability currentModel = calls.current().client().availability();
        final ModelLane candidate = calls.candidate();
        final Availability candidateModel = candidate == null ? null : candidate.client().availability();
        final ShadowPath shadowPath = calls.shadowPath();
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
                final ModelLane lane = calls.laneOf(route);
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
                    emitter.baseline(kv.key, ctx, decision.reason(), decision.detail(), null, fallback,
                            new ForecastFactory.RouteInfo(RouteReasons.SELECTED_BASELINE, reason, stageId),
                            calls.current().client());
                    gated++;
                } else if (calls.submit(kv.key, ctx, route, now, deadline,
                        scoring.snapshot(ctx, lane.client().modelName()), fallback)) {
                    jobs++;
                }
            }
        }
        expired.forEach(markets::delete);
        inputDrift.flush();
        metrics.cycle(asOfMs, System.nanoTime() - started);
        LOG.debug("task {} cycle {}: {} model jobs, {} gated", context.taskId(), Instant.ofEpochMilli(asOfMs), jobs,
                gated);
    }

    private MarketContext contextOf(final String marketId, final MarketState market, final long asOfMs) {
        final List<ObservedStep> observed = new ArrayList<>();
        for (final KeyValue<Long, StepClose> kv : stepReader.fetch(marketId, market,
                assembler.fetchFromStepStart(asOfMs), assembler.fetchToStepStart(asOfMs))) {
            observed.add(new ObservedStep(kv.key, kv.value));
        }
        return assembler.assemble(asOfMs, observed);
    }

    @Override
    public void close() {
        if (drainSchedule != null) {
            drainSchedule.cancel();
        }
        if (inputDrift != null) {
            inputDrift.close();
        }
        calls.close();
    }
}
