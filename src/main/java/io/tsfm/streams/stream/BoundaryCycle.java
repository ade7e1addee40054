package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.CycleEngine;
import io.tsfm.streams.cycle.CycleState;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.rollout.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One boundary's cycle over a task's markets, run in slices of at most {@code cycle.slice.markets} markets
 * in key order: an exactly-once stream thread commits between slices, so its transactions stay short
 * however many markets a task holds. Ticks that arrive meanwhile are held ({@link HeldTicks}) until the
 * cycle is done, so every market's forecast sees the stores as they were at its boundary.
 */
final class BoundaryCycle {
    private static final Logger LOG = LoggerFactory.getLogger(BoundaryCycle.class);
    /**
     * Markets between two deliveries of the answers that came in: a slice of 2,000 markets takes the stream
     * thread about half a second, far longer than a model request, and its first answers should not wait for
     * its end.
     */
    static final int DELIVER_EVERY_MARKETS = 32;

    /** A market's context at a boundary from its state; null when it has none. */
    interface Contexts {
        MarketContext of(String marketId, MarketState market, long asOfMs);
    }

    private final ForecastSettings settings;
    private final ModelCalls calls;
    private final CycleEngine engine;
    private final StreamMeters metrics;
    private final long marketExpiryMs;

    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, MarketState> markets;
    private StepCache steps;
    private ForecastScoring scoring;
    private Emitter emitter;
    private InputDrift inputDrift;
    private Contexts contexts;

    /** The running cycle as this instance saw it (metrics and the log only; restarts begin them again). */
    private long runningBoundaryMs = Long.MIN_VALUE;

    private long startedMs;
    private long startedNanos;
    private long nanos;
    private int jobs;
    private int gated;

    BoundaryCycle(
            final ForecastSettings settings,
            final ModelCalls calls,
            final CycleEngine engine,
            final StreamMeters metrics) {
        this.settings = settings;
        this.calls = calls;
        this.engine = engine;
        this.metrics = metrics;
        this.marketExpiryMs = settings.stepRetention().toMillis();
    }

    void init(
            final ProcessorContext<String, Emission> context,
            final KeyValueStore<String, MarketState> markets,
            final StepCache steps,
            final ForecastScoring scoring,
            final Emitter emitter,
            final InputDrift inputDrift,
            final Contexts contexts) {
        this.context = context;
        this.markets = markets;
        this.steps = steps;
        this.scoring = scoring;
        this.emitter = emitter;
        this.inputDrift = inputDrift;
        this.contexts = contexts;
        this.runningBoundaryMs = Long.MIN_VALUE;
    }

    /** What a slice did: the state with its progress, and how many markets it went through. */
    record Progress(CycleState state, int markets) {}

    /**
     * Does up to {@code limit} markets of the running cycle, after the last one done.
     *
     * @return the state with the progress made (complete when no market was left) and the markets gone
     *     through (done, expired or without a context)
     */
    Progress slice(final CycleState state, final int limit) {
        final long asOfMs = state.lastBoundaryMs();
        final long t0 = System.nanoTime();
        begin(asOfMs);
        final Slice slice = new Slice(asOfMs);
        final String from = state.resumeAfter();
        String last = from;
        boolean more = false;
        int done = 0;
        final List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, MarketState> it = from.isEmpty() ? markets.all() : markets.range(from, null)) {
            while (it.hasNext()) {
                final KeyValue<String, MarketState> kv = it.next();
                if (kv.key.equals(from)) {
                    continue; // the range includes its lower bound, done in the slice before
                }
                if (done == limit) {
                    more = true;
                    break;
                }
                done++;
                last = kv.key;
                if (kv.value.lastTickMs() < asOfMs - marketExpiryMs) {
                    expired.add(kv.key);
                    continue;
                }
                slice.forecast(kv.key, kv.value);
                if (done % DELIVER_EVERY_MARKETS == 0) {
                    calls.deliver();
                }
            }
        }
        for (final String marketId : expired) {
            StoreWrites.remove(markets, marketId);
            steps.forget(marketId);
            emitter.forget(marketId);
        }
        inputDrift.flush();
        nanos += System.nanoTime() - t0;
        if (more) {
            return new Progress(state.resumingAfter(last), done);
        }
        metrics.cycle(asOfMs, nanos);
        LOG.debug(
                "task {} cycle {}: {} model jobs, {} gated",
                context.taskId(),
                Instant.ofEpochMilli(asOfMs),
                jobs,
                gated);
        runningBoundaryMs = Long.MIN_VALUE;
        return new Progress(state.completed(), done);
    }

    private void begin(final long asOfMs) {
        if (runningBoundaryMs != asOfMs) {
            runningBoundaryMs = asOfMs;
            startedMs = context.currentSystemTimeMs();
            startedNanos = System.nanoTime();
            nanos = 0;
            jobs = 0;
            gated = 0;
        }
    }

    /**
     * What one slice decides once (the models' availability, the wall clock and the jobs' deadline), and what the
     * engine's plan for each market becomes here: a baseline emitted at once, or a model job handed to the stage.
     */
    private final class Slice implements CycleEngine.Models {
        private final long asOfMs;
        private final ModelAvailability currentModel = calls.current().client().availability();
        private final ModelLane candidate = calls.candidate();
        private final ModelAvailability candidateModel =
                candidate == null ? null : candidate.client().availability();
        private final ShadowPath shadowPath = calls.shadowPath();
        private final long now = context.currentSystemTimeMs();
        private final long deadline = now + settings.jobDeadlineMs();

        Slice(final long asOfMs) {
            this.asOfMs = asOfMs;
        }

        @Override
        public String modelName(final Route route) {
            return calls.laneOf(route).client().modelName();
        }

        @Override
        @SuppressWarnings("ReferenceEquality") // lanes are compared as the objects they are
        public ModelAvailability availability(final Route route) {
            return calls.laneOf(route) == candidate ? candidateModel : currentModel;
        }

        /** The market's one forecast for the boundary: a baseline at once when a gate says so, else a model job. */
        void forecast(final String marketId, final MarketState market) {
            final MarketContext ctx = contexts.of(marketId, market, asOfMs);
            if (ctx == null) {
                return;
            }
            inputDrift.observe(ctx);
            final CycleEngine.Plan plan = engine.plan(marketId, ctx, scoring, this);
            if (plan.shadow() && shadowPath != null && shadowPath.licensed()) {
                shadowPath.ask(marketId, ctx, now, deadline, plan.fallback());
            }
            if (plan.gated()) {
                emitter.baseline(
                        marketId,
                        ctx,
                        plan.decision().reason(),
                        plan.decision().detail(),
                        null,
                        plan.fallback(),
                        engine.gatedRoute(plan),
                        calls.current().client());
                gated++;
            } else if (calls.submit(
                    marketId,
                    ctx,
                    plan.route(),
                    startedMs,
                    startedNanos,
                    deadline,
                    plan.calibration(),
                    plan.fallback())) {
                jobs++;
            }
        }
    }
}
