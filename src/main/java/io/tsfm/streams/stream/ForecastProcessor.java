package io.tsfm.streams.stream;

import io.tsfm.streams.context.ContextAssembler;
import io.tsfm.streams.cycle.CycleEngine;
import io.tsfm.streams.cycle.CycleState;
import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.topology.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The heart of the app, one instance per task: the stores and the punctuator that drive the {@link CycleEngine}
 * (the cycle clock and its order of work). Ticks go to the
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
    /**
     * A slice's scores per market of its budget. A score costs the stream thread half a market's cycle work or
     * more (a trace at 10,000 markets: 114-188 us a score, 128-320 us a market, most of a score writing its
     * record), so a slice of scores takes two to four times as long as a slice of markets: at the default
     * {@code cycle.slice.markets} one to one and a half seconds there, far inside a transaction's timeout.
     */
    static final int SCORES_PER_MARKET = 4;

    private final ForecastSettings settings;
    private final CycleEngine engine;
    private final ModelCalls calls;
    private final Grid grid;
    private final ContextAssembler assembler;
    private final ForecastFactory factory;
    private final StepRecorder recorder;
    private final StreamMeters metrics;
    private final BoundaryCycle cycle;

    private KeyValueStore<String, MarketState> markets;
    /** The step store's recent closes in memory; a new, empty one at each init (the store is the truth). */
    private StepCache stepCache;

    private StepReader stepReader;
    private KeyValueStore<String, CycleState> cycles;
    private ForecastScoring scoring;
    private Emitter emitter;
    private CommittedCounts committed;
    private InputDrift inputDrift;
    private Cancellable drainSchedule;
    /** Removes this task from tsfm.cycles.running when it closes. */
    private Runnable untrackCycle;
    /** In-memory copy of the cycle store's entry; written back whenever a cycle has run. */
    private CycleState cycleState;

    /** The stream thread's scoring turn (see {@link ScoringTurn}), taken while this task's scores are made. */
    private ScoringTurn turn;

    private HeldTicks held;
    /** A cycle runs or ticks are held: what tsfm.cycles.running reads from another thread. */
    private volatile boolean workLeft;

    public ForecastProcessor(final ForecastSettings settings, final ModelClient client, final StreamMeters metrics) {
        this(settings, ModelClients.of(client), metrics);
    }

    public ForecastProcessor(final ForecastSettings settings, final ModelClients clients, final StreamMeters metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.engine = new CycleEngine(settings);
        this.calls = new ModelCalls(settings, clients, engine, metrics);
        this.grid = engine.grid();
        this.assembler = new ContextAssembler(grid, settings.inputLen(), settings.lookbackSteps());
        this.factory = engine.factory();
        this.recorder = new StepRecorder(grid, settings.stepRetention().toMillis());
        this.cycle = new BoundaryCycle(settings, calls, engine, metrics);
    }

    @Override
    public void init(final ProcessorContext<String, Emission> context) {
        final WindowStore<String, StepClose> steps = context.getStateStore(Names.STEP_CLOSES_STORE);
        this.markets = context.getStateStore(Names.MARKET_STATE_STORE);
        this.stepCache = new StepCache(
                grid.stepMs(),
                stepsKept(settings),
                StepCache.MAX_MARKETS,
                (marketId, from, to) -> fetch(steps, marketId, from, to));
        this.recorder.init(steps, stepCache, markets);
        this.cycles = context.getStateStore(Names.CYCLE_STATE_STORE);
        this.cycleState = cycles.get(CYCLE_KEY);
        this.held = new HeldTicks(context.getStateStore(Names.HELD_TICKS_STORE));
        this.turn = ScoringTurn.ofThisThread();
        this.workLeft = (cycleState != null && cycleState.running()) || !held.isEmpty();
        this.stepReader = new StepReader(stepCache, markets);
        this.scoring = new ForecastScoring(
                settings,
                grid,
                metrics,
                new KafkaScoringStores(
                        context.getStateStore(Names.OPEN_FORECASTS_STORE),
                        context.getStateStore(Names.CALIBRATION_STORE),
                        stepReader));
        this.committed =
                context.<CommitLedger>getStateStore(Names.COMMIT_LEDGER_STORE).counts();
        committed.resumed();
        this.emitter = new Emitter(
                settings,
                factory,
                scoring,
                context.getStateStore(Names.LATEST_FORECAST_STORE),
                metrics,
                context,
                committed);
        this.inputDrift = new InputDrift(
                settings.drift(),
                context.getStateStore(Names.INPUT_DRIFT_STORE),
                metrics,
                context.taskId().toString());
        calls.init(
                context,
                context.getStateStore(Names.PENDING_STORE),
                factory,
                scoring,
                emitter,
                (marketId, asOfMs) -> contextOf(marketId, markets.get(marketId), asOfMs));
        cycle.init(context, markets, stepCache, scoring, emitter, inputDrift, this::contextOf);
        if (untrackCycle == null) {
            this.untrackCycle = metrics.trackRunningCycle(() -> workLeft ? 1 : 0);
        }
        this.drainSchedule = context.schedule(
                Duration.ofMillis(settings.drainIntervalMs()), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(final Record<String, Tick> record) {
        final Tick tick = record.value();
        final CycleState state = cycleState;
        if (state == null) {
            cycleState = engine.firstTick(tick.tsMs());
            cycles.put(CYCLE_KEY, cycleState);
            recorder.record(tick, cycleState.lastBoundaryMs());
            return;
        }
        if (state.running() || !held.isEmpty()) {
            held.add(tick); // applied in arrival order once the cycle work before it is done
            return;
        }
        final long streamTime = Math.max(state.streamTimeMs(), tick.tsMs());
        if (engine.dueAt(streamTime) > state.lastBoundaryMs()) {
            held.add(tick); // it makes a boundary due: scored and cycled first, the tick applied after
            advance();
            return;
        }
        // Stream time only matters once it makes a new boundary due, and that is always persisted:
        // a restart replays the uncommitted ticks and recomputes it, so no write per tick.
        cycleState = state.withStreamTime(streamTime);
        recorder.record(tick, state.lastBoundaryMs());
    }

    /**
     * Does the task's cycle work in arrival order, within one slice's budget: the opening boundary's next scores
     * (up to {@link #SCORES_PER_MARKET} times {@code cycle.slice.markets}, once the thread's {@link ScoringTurn} is
     * this task's), then the running cycle's next markets
     * (up to {@code cycle.slice.markets}); for the oldest held tick, each boundary it makes due, then the tick
     * itself; and so on with the next held tick.
     */
    private void advance() {
        CycleState state = cycleState;
        int budget = settings.cycleSliceMarkets();
        int scores = (int) Math.min(Integer.MAX_VALUE, (long) budget * SCORES_PER_MARKET);
        int ticks = 10 * budget;
        while (budget > 0 && ticks > 0) {
            if (state.scoring()) {
                if (scores == 0 || !turn.take(this)) {
                    break;
                }
                final CycleEngine.ScoreSlice slice =
                        engine.scoreSlice(state, scores, scoring, calls::settle, this::forwardScore);
                state = slice.state();
                scores -= slice.scored();
                if (!state.scoring()) {
                    turn.release(this);
                }
                if (!state.running()) {
                    budget--; // a boundary without a cycle counts as one market, so a long gap still yields
                }
                continue;
            }
            if (state.cycling()) {
                final BoundaryCycle.Progress progress = cycle.slice(state, budget);
                state = progress.state();
                budget -= Math.max(1, progress.markets());
                continue;
            }
            if (held.isEmpty()) {
                break;
            }
            final Tick head = held.peek();
            final long streamTime = Math.max(state.streamTimeMs(), head.tsMs());
            final long due = engine.dueAt(streamTime);
            if (due > state.lastBoundaryMs()) {
                state = engine.openBoundary(state, due); // its scores, then its cycle, in the turns that follow
                continue;
            }
            recorder.record(head, state.lastBoundaryMs());
            held.pop();
            state = state.withStreamTime(streamTime);
            ticks--;
        }
        cycleState = state;
        cycles.put(CYCLE_KEY, state);
        workLeft = state.running() || !held.isEmpty();
        calls.dispatch();
    }

    private void forwardScore(
            final ForecastScore score, final long asOfMs, final long boundaryMs, final boolean published) {
        if (published) {
            emitter.forward(score.marketId(), boundaryMs, Emission.of(score));
        }
    }

    /**
     * The wall-clock punctuator: the task's unfinished cycle work, then the answers that came in. Running at
     * all means the task's last commit went through, which its committed counts learn even when it is idle.
     */
    private void punctuate(final long wallClockMs) {
        committed.settle();
        calls.renewBudget();
        final CycleState state = cycleState;
        if (state != null && (state.running() || !held.isEmpty())) {
            advance();
        }
        calls.drain();
    }

    private MarketContext contextOf(final String marketId, final MarketState market, final long asOfMs) {
        return assembler.assemble(
                asOfMs,
                stepReader.fetch(
                        marketId, market, assembler.fetchFromStepStart(asOfMs), assembler.fetchToStepStart(asOfMs)));
    }

    /**
     * Steps the cache keeps per market: a context's and its look-back, the steps stream time runs ahead of the
     * boundary being cycled (the grace), and twice the horizon to spare.
     */
    private static int stepsKept(final ForecastSettings settings) {
        final long graceSteps = Math.floorDiv(
                settings.cycleGraceMs() + settings.step().toMillis() - 1,
                settings.step().toMillis());
        return Math.toIntExact(settings.inputLen() + settings.lookbackSteps() + graceSteps + 2L * settings.horizon());
    }

    private static List<ObservedStep> fetch(
            final WindowStore<String, StepClose> steps, final String marketId, final long from, final long to) {
        final List<ObservedStep> out = new ArrayList<>();
        try (WindowStoreIterator<StepClose> it = steps.fetch(marketId, from, to)) {
            while (it.hasNext()) {
                final KeyValue<Long, StepClose> kv = it.next();
                out.add(new ObservedStep(kv.key, kv.value));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (turn != null) {
            turn.release(this);
        }
        if (committed != null) {
            committed.suspended();
        }
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
