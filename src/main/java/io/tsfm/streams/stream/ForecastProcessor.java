package io.tsfm.streams.stream;

import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.rollout.RolloutRouter;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.topology.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The heart of the app, one instance per task: the cycle clock over the stores. Ticks go to the
 * {@link StepRecorder}; whenever this task's event time passes a boundary (plus grace) a cycle gives every
 * active market exactly one forecast for that boundary ({@link BoundaryCycle}, in slices the wall-clock
 * punctuator continues): the baseline at once when a gate says so, otherwise a model job handed to
 * {@link ModelCalls}, which owns the in-flight work (pending store, deadlines, re-issue) and drains answers
 * on the same punctuator into the {@link Emitter}. Each boundary first
 * scores the forecasts its close realises (see {@link ForecastScoring}), so that the calibration a cycle's
 * forecasts get has learnt from every score realised by then and from none later.
 */
public final class ForecastProcessor implements Processor<String, Tick, String, Emission> {
    static final String CYCLE_KEY = "cycle";

    private final ForecastSettings settings;
    private final ModelCalls calls;
    private final Grid grid;
    private final ContextAssembler assembler;
    private final ForecastFactory factory;
    private final StepRecorder recorder;
    private final TsfmMetrics metrics;
    private final BoundaryCycle cycle;

    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, MarketState> markets;
    private StepReader stepReader;
    private KeyValueStore<String, CycleState> cycles;
    private ForecastScoring scoring;
    private Emitter emitter;
    private InputDrift inputDrift;
    private Cancellable drainSchedule;
    /** Removes this task from tsfm.cycles.running when it closes. */
    private Runnable untrackCycle;
    /** In-memory copy of the cycle store's entry; written back whenever a cycle has run. */
    private volatile CycleState cycleState;

    public ForecastProcessor(final ForecastSettings settings, final ModelClient client, final TsfmMetrics metrics) {
        this(settings, ModelClients.of(client), metrics);
    }

    public ForecastProcessor(final ForecastSettings settings, final ModelClients clients, final TsfmMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        final RolloutRouter router = new RolloutRouter(settings.rollout());
        this.calls = new ModelCalls(settings, clients, router, metrics);
        this.grid = Grid.of(settings.step());
        this.assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        final FallbackGates gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(),
                settings.maxGapMs());
        this.factory = new ForecastFactory(settings);
        this.recorder = new StepRecorder(grid, settings.stepRetention().toMillis());
        this.cycle = new BoundaryCycle(settings, calls, router, gates, factory, metrics);
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
                metrics, context, context.<CommitLedger>getStateStore(Names.COMMIT_LEDGER_STORE).counts());
        this.inputDrift = new InputDrift(settings.drift(), context.getStateStore(Names.INPUT_DRIFT_STORE), metrics,
                context.taskId().toString());
        calls.init(context, context.getStateStore(Names.PENDING_STORE), factory, scoring, emitter,
                (marketId, asOfMs) -> contextOf(marketId, markets.get(marketId), asOfMs));
        cycle.init(context, markets, scoring, emitter, inputDrift, this::contextOf);
        if (untrackCycle == null) {
            this.untrackCycle = metrics.trackRunningCycle(() -> {
                final CycleState s = cycleState;
                return s != null && s.running() ? 1 : 0;
            });
        }
        this.drainSchedule = context.schedule(Duration.ofMillis(settings.drainIntervalMs()),
                PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(final Record<String, Tick> record) {
        final Tick tick = record.value();
        CycleState state = cycleState;
        final long streamTime = state == null ? tick.tsMs() : Math.max(state.streamTimeMs(), tick.tsMs());
        final long due = grid.lastDueBoundary(streamTime, settings.cycleGraceMs());
        if (state == null) {
            state = new CycleState(due, streamTime);
            cycles.put(CYCLE_KEY, state);
        } else if (due > state.lastBoundaryMs()) {
            // a whole step of event time went by while a cycle ran: it ends now, before the next is scored
            state = cycle.finish(state);
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
                    state = CycleState.starting(boundary, streamTime);
                    // boundaries skipped over run whole; the latest runs its first slice, the punctuator the rest
                    state = boundary < due ? cycle.finish(state) : cycle.slice(state, settings.cycleSliceMarkets());
                }
            }
            state = new CycleState(due, streamTime, state.lastBoundaryMs() == due ? state.resumeAfter() : null,
                    state.lastBoundaryMs() == due ? state.ahead() : null);
            cycles.put(CYCLE_KEY, state);
            calls.dispatch();
        } else if (tick.tsMs() < state.lastBoundaryMs() && BoundaryCycle.pending(state, tick.marketId())) {
            // a late tick must not reach the running cycle's forecast for its market: that one is done first
            state = cycle.ahead(state, tick.marketId()).withStreamTime(streamTime);
            cycles.put(CYCLE_KEY, state);
        } else {
            // Stream time only matters once it makes a new boundary due, and that is always persisted:
            // a restart replays the uncommitted ticks and recomputes it, so no write per tick.
            state = state.withStreamTime(streamTime);
        }
        cycleState = state;
        recorder.record(tick, state.lastBoundaryMs());
    }

    /** The wall-clock punctuator: the running cycle's next slice, then the answers that came in. */
    private void punctuate(final long wallClockMs) {
        final CycleState state = cycleState;
        if (state != null && state.running()) {
            cycleState = cycle.slice(state, settings.cycleSliceMarkets());
            cycles.put(CYCLE_KEY, cycleState);
        }
        calls.drain(wallClockMs);
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
        if (untrackCycle != null) {
            untrackCycle.run();
            untrackCycle = null;
        }
        if (inputDrift != null) {
            inputDrift.close();
        }
        calls.close();
    }
}
