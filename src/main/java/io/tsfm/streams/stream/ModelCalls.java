package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.CycleEngine;
import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.rollout.Route;
import io.tsfm.streams.rollout.RouteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's in-flight model work in one stage, as Flink's AsyncWaitOperator keeps it: the lanes' bounded job
 * queues (the served model, the rollout candidate, the shadow), the changelogged pending store, deadlines,
 * re-issue on restore, and the wait that settles a boundary's jobs before they are scored. Answers reach the
 * {@link Emitter} on the stream thread only, and a job leaves the pending store in the commit that emits it.
 */
final class ModelCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ModelCalls.class);

    /** The context of a market at a boundary, rebuilt from the stores; null when none is left. */
    interface Contexts {
        MarketContext at(String marketId, long asOfMs);
    }

    private final ForecastSettings settings;
    private final ModelLane current;
    /** The rollout candidate where it serves; null without a candidate or in the shadow stage. */
    private final ModelLane candidate;
    /** The rollout candidate's shadow lane; null when nothing is shadowed. */
    private final ModelLane shadow;

    private final CycleEngine engine;
    private final StreamMeters metrics;

    private ProcessorContext<String, Emission> context;
    private KeyValueStore<String, PendingJob> pending;
    private ForecastFactory factory;
    private CallOutcomes outcomes;
    private ShadowPath shadowPath;
    /** Removes this task's open jobs from tsfm.pending.jobs when it closes. */
    private Runnable untrackPending;
    /** What may still be resolved until the next punctuation renews it. */
    private final ResolveBudget budget;

    ModelCalls(
            final ForecastSettings settings,
            final ModelClients clients,
            final CycleEngine engine,
            final StreamMeters metrics) {
        this.settings = settings;
        this.engine = engine;
        this.current = ModelLane.serving(clients, clients.current(), settings);
        this.candidate = ModelLane.serving(clients, clients.candidate(), settings);
        this.shadow = ModelLane.shadow(clients, settings);
        this.metrics = metrics;
        this.budget = ResolveBudget.perSlice(settings.cycleSliceMarkets());
    }

    /** Binds the stage to the task's stores and sends again the jobs that were pending when it last stopped. */
    @SuppressWarnings("ReferenceEquality") // lanes are compared as the objects they are
    void init(
            final ProcessorContext<String, Emission> context,
            final KeyValueStore<String, PendingJob> pending,
            final ForecastFactory factory,
            final ForecastScoring scoring,
            final Emitter emitter,
            final Contexts contexts) {
        this.context = context;
        this.pending = pending;
        this.factory = factory;
        this.outcomes = new CallOutcomes(emitter, factory, metrics, settings.jobDeadlineMs());
        if (shadow != null) {
            this.shadowPath = new ShadowPath(
                    shadow,
                    settings,
                    factory,
                    scoring,
                    metrics,
                    settings.rollout().stage().id(),
                    (job, r) -> emitter.forward(job.marketId(), job.context().asOfMs(), Emission.shadowOf(r)));
            emitter.comparedWith(shadowPath);
        }
        if (untrackPending == null) {
            final List<JobTracker> served = lanes().stream()
                    .filter(l -> l != shadow)
                    .map(ModelLane::tracker)
                    .toList();
            this.untrackPending = metrics.trackPending(
                    () -> served.stream().mapToInt(JobTracker::openJobs).sum());
        }
        reissue(scoring, contexts);
    }

    /** The lane that serves a route's model: the candidate's where it serves, else the current model's. */
    ModelLane laneOf(final Route route) {
        return route.target() == RouteTarget.CANDIDATE && candidate != null ? candidate : current;
    }

    ModelLane current() {
        return current;
    }

    ModelLane candidate() {
        return candidate;
    }

    /** The shadow path, null when nothing is shadowed. */
    ShadowPath shadowPath() {
        return shadowPath;
    }

    /** Queues a model job for a market's context and records it as pending; false when its lane had it already. */
    boolean submit(
            final String marketId,
            final MarketContext ctx,
            final Route route,
            final long nowMs,
            final long startNanos,
            final long deadlineMs,
            final CalibrationSnapshot calibration,
            final CalibrationSnapshot fallback) {
        final PendingJob job = new PendingJob(marketId, ctx.asOfMs(), calibration, fallback);
        if (!laneOf(route)
                .tracker()
                .add(new JobTracker.Job(
                        job.key(),
                        marketId,
                        ctx,
                        nowMs,
                        startNanos,
                        deadlineMs,
                        calibration,
                        fallback,
                        modelRoute(route)))) {
            return false;
        }
        pending.put(job.key(), job);
        return true;
    }

    private ForecastFactory.RouteInfo modelRoute(final Route route) {
        return engine.modelRoute(route);
    }

    /** Jobs that were pending when the task last stopped (crash, rebalance) are sent again. */
    private void reissue(final ForecastScoring scoring, final Contexts contexts) {
        final long created = context.currentSystemTimeMs();
        final long startNanos = System.nanoTime();
        final long deadline = created + settings.jobDeadlineMs();
        final List<String> orphans = new ArrayList<>();
        int reissued = 0;
        try (KeyValueIterator<String, PendingJob> it = pending.all()) {
            while (it.hasNext()) {
                final KeyValue<String, PendingJob> kv = it.next();
                final MarketContext ctx = contexts.at(kv.value.marketId(), kv.value.asOfMs());
                if (ctx == null) {
                    orphans.add(kv.key);
                    continue;
                }
                // the route is decided again: after a rollback the job goes to the model that serves now
                final Route route = engine.router().route(kv.value.marketId(), ctx.liquidityBucket());
                final ModelLane lane = laneOf(route);
                final CalibrationSnapshot calibration = PendingJob.usable(kv.value.calibration())
                        ? kv.value.calibration()
                        : scoring.snapshot(ctx, lane.client().modelName());
                final CalibrationSnapshot fallback = PendingJob.usable(kv.value.fallbackCalibration())
                        ? kv.value.fallbackCalibration()
                        : scoring.snapshot(ctx, factory.baselineModelName());
                final JobTracker.Job job = new JobTracker.Job(
                        kv.key,
                        kv.value.marketId(),
                        ctx,
                        created,
                        startNanos,
                        deadline,
                        calibration,
                        fallback,
                        modelRoute(route));
                if (lane.tracker().add(job)) {
                    reissued++;
                }
            }
        }
        for (final String key : orphans) {
            LOG.warn("pending job {} has no context left in the step store; dropped", key);
            StoreWrites.remove(pending, key);
        }
        if (reissued > 0) {
            LOG.info("task {}: re-issuing {} pending model jobs", context.taskId(), reissued);
        }
    }

    /** Sends what the lanes have queued, batched. */
    void dispatch() {
        for (final ModelLane lane : lanes()) {
            lane.tracker().dispatch();
        }
    }

    private List<ModelLane> lanes() {
        return Stream.of(current, candidate, shadow).filter(Objects::nonNull).toList();
    }

    /** A punctuation begins: it may resolve a {@link ResolveBudget}'s worth of jobs again. */
    void renewBudget() {
        budget.renew();
    }

    /** Hands answers and expired deadlines to the emitter on the stream thread, within the budget, then sends more. */
    void drain() {
        deliver();
        dispatch();
    }

    /**
     * Hands answers and expired deadlines to the emitter and sends nothing: a cycle's slice calls it between
     * markets, so a forecast leaves as its answer arrives rather than after the slice, while the slice goes on
     * adding jobs (only full batches leave until its dispatch).
     */
    void deliver() {
        deliver(budget);
    }

    private void deliver(final ResolveBudget within) {
        drainServing(current, within);
        if (candidate != null) {
            drainServing(candidate, within);
        }
        if (shadowPath != null) {
            shadowPath.drain(context.currentSystemTimeMs());
        }
    }

    private void drainServing(final ModelLane lane, final ResolveBudget within) {
        final JobTracker tracker = lane.tracker();
        final ModelClient client = lane.client();
        for (final JobTracker.Completion completion : tracker.drainCompletions(within.answersLeft())) {
            within.answered(completion.jobs().size());
            final BatchResult result = completion.result();
            final ForecastFactory.Call call = new ForecastFactory.Call(
                    result.latencyMs(), result.attempts(), completion.jobs().size());
            for (int i = 0; i < completion.jobs().size(); i++) {
                final JobTracker.Job job = completion.jobs().get(i);
                if (!tracker.resolve(job)) {
                    metrics.lateAnswer();
                    continue; // answered after its deadline: the baseline went out already
                }
                outcomes.answered(job, result, call, client, completion.standbyOf(i));
                StoreWrites.remove(pending, job.key());
                metrics.emitDelay(job.elapsedMs());
            }
        }
        for (final JobTracker.Job job : tracker.expire(context.currentSystemTimeMs(), within.deadlinesLeft())) {
            within.expired(1);
            expired(job, client);
        }
    }

    private void expired(final JobTracker.Job job, final ModelClient client) {
        metrics.emitDelay(job.elapsedMs());
        outcomes.expired(job, client);
        StoreWrites.remove(pending, job.key());
    }

    /**
     * Blocks until every model job made at or before {@code asOfMs} has gone out, by answer or deadline, so
     * that scoring, and the calibration learnt from it, happens at the same point of the stream however
     * fast the input is read. Live, those jobs are an horizon old and long done; a replay reading hours of
     * ticks per second waits here for the model instead of running ahead of it. The wait is also bounded
     * by the job deadline in real time, so a clock that does not move (tests) cannot stall the thread.
     */
    @SuppressWarnings("ReferenceEquality") // lanes are compared as the objects they are
    void settle(final long asOfMs) {
        final ResolveBudget all = ResolveBudget.unbounded();
        ModelLane waiting = waitingLane(asOfMs, all);
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
                        expired(job, lane.client());
                    }
                }
                return;
            }
            final long toDeadline = waiting.tracker().nextDeadlineMs() - context.currentSystemTimeMs();
            try {
                waiting.tracker().awaitCompletion(Math.max(1, Math.min(leftMs, Math.min(toDeadline, 100))));
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptException(e);
            }
            waiting = waitingLane(asOfMs, all);
        }
    }

    /** Delivers everything that came in, then the lane with a job made at or before {@code asOfMs} still open. */
    private ModelLane waitingLane(final long asOfMs, final ResolveBudget all) {
        deliver(all);
        dispatch();
        for (final ModelLane lane : lanes()) {
            if (lane.tracker().openAtOrBefore(asOfMs)) {
                return lane;
            }
        }
        return null;
    }

    void close() {
        if (untrackPending != null) {
            untrackPending.run();
        }
        for (final ModelLane lane : lanes()) {
            lane.tracker().close();
        }
    }
}
