package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.domain.RouteReasons;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesOutcome;
import java.util.function.BiConsumer;

/**
 * The rollout candidate in shadow, for one task: asks it for the contexts the served path sees, publishes
 * its answers (a failure as the baseline its path would have served) to the shadow topic only, keeps them
 * for scoring and compares them with the served forecasts. Nothing here can reach the served path: its
 * own lane (client, breaker, bulkhead, jobs), no pending store.
 */
final class ShadowPath {
    private final ModelLane lane;
    private final ForecastSettings settings;
    private final ForecastFactory factory;
    private final ForecastScoring scoring;
    private final StreamMeters metrics;
    private final ForecastFactory.RouteInfo route;
    private final BiConsumer<JobTracker.Job, ForecastRecord> publish;
    private final ShadowComparisons comparisons = new ShadowComparisons();

    ShadowPath(
            final ModelLane lane,
            final ForecastSettings settings,
            final ForecastFactory factory,
            final ForecastScoring scoring,
            final StreamMeters metrics,
            final String stageId,
            final BiConsumer<JobTracker.Job, ForecastRecord> publish) {
        this.lane = lane;
        this.settings = settings;
        this.factory = factory;
        this.scoring = scoring;
        this.metrics = metrics;
        this.route = new ForecastFactory.RouteInfo(RouteReasons.SELECTED_TSFM, RouteReasons.SHADOW, stageId);
        this.publish = publish;
    }

    ModelLane lane() {
        return lane;
    }

    /**
     * Whether the candidate's licence lets it be asked: a shadow answer is never served, so while the licence
     * is unverified or refused the candidate is simply not asked (the breaker, by contrast, answers for itself).
     */
    boolean licensed() {
        final ModelAvailability availability = lane.client().availability();
        return availability != ModelAvailability.LICENCE_UNVERIFIED
                && availability != ModelAvailability.LICENCE_REFUSED;
    }

    /** Asks the candidate in shadow for the same context the served path got at this cycle. */
    void ask(
            final String marketId,
            final MarketContext ctx,
            final long nowMs,
            final long deadlineMs,
            final CalibrationSnapshot fallback) {
        final CalibrationSnapshot calibration =
                scoring.snapshot(ctx, lane.client().modelName());
        final String key = PendingJob.key(marketId, ctx.asOfMs());
        if (lane.tracker()
                .add(new JobTracker.Job(
                        key, marketId, ctx, nowMs, System.nanoTime(), deadlineMs, calibration, fallback, route))) {
            comparisons.expect(key, calibration.segment());
        }
    }

    /** Answers that arrived and deadlines that passed, on the stream thread. */
    void drain(final long nowMs) {
        final ModelClient client = lane.client();
        for (final JobTracker.Completion completion : lane.tracker().drainCompletions()) {
            final BatchResult result = completion.result();
            final ForecastFactory.Call call = new ForecastFactory.Call(
                    result.latencyMs(), result.attempts(), completion.jobs().size());
            for (final JobTracker.Job job : completion.jobs()) {
                if (!lane.tracker().resolve(job)) {
                    continue;
                }
                final SeriesOutcome outcome =
                        result.failed() ? null : result.outcomes().get(job.key());
                if (outcome != null && outcome.isValid()) {
                    emit(job, job.answer(factory, outcome.paths(), client, call), call);
                } else {
                    final String reason = result.failed()
                            ? FallbackReasons.forModelFailure(result.failureKind())
                            : FallbackReasons.forInvalidSeries(
                                    outcome == null ? FallbackReasons.INVALID_MISSING_SERIES : outcome.invalidReason());
                    emit(
                            job,
                            factory.baseline(
                                    job.marketId(),
                                    job.context(),
                                    reason,
                                    client.breakerState(),
                                    call,
                                    job.fallbackCalibration(),
                                    job.route()),
                            null);
                }
            }
        }
        for (final JobTracker.Job job : lane.tracker().expire(nowMs)) {
            expired(job);
        }
    }

    /** Gives up on every shadow job made at or before {@code asOfMs} (see ForecastProcessor#settle). */
    void expireAtOrBefore(final long asOfMs) {
        for (final JobTracker.Job job : lane.tracker().expireAtOrBefore(asOfMs)) {
            expired(job);
        }
    }

    private void expired(final JobTracker.Job job) {
        emit(
                job,
                factory.baseline(
                        job.marketId(),
                        job.context(),
                        FallbackReasons.DEADLINE_EXCEEDED,
                        lane.client().breakerState(),
                        null,
                        job.fallbackCalibration(),
                        job.route()),
                null);
    }

    private void emit(final JobTracker.Job job, final ForecastFactory.Made made, final ForecastFactory.Call call) {
        final ForecastRecord r = made.record();
        final boolean fellBack = r.meta().fallbackUsed();
        scoring.keepShadow(made, job.context(), fellBack ? job.fallbackCalibration() : job.calibration());
        final ShadowComparisons.Pair pair = comparisons.shadow(
                job.key(),
                fellBack ? null : new ShadowComparisons.Side(r.lastMedian(), call == null ? null : call.latencyMs()));
        if (!settings.publishes(job.context().asOfMs())) {
            return;
        }
        metrics.shadow().forecast(lane.client().modelName(), fellBack ? r.meta().fallbackReason() : "ok");
        compared(pair);
        publish.accept(job, r);
    }

    /** The served forecast of a market and as_of, to pair with its shadow. */
    void served(final ForecastRecord forecast, final long asOfMs) {
        compared(comparisons.served(
                PendingJob.key(forecast.marketId(), asOfMs),
                new ShadowComparisons.Side(
                        forecast.lastMedian(), forecast.meta().latencyMs())));
    }

    private void compared(final ShadowComparisons.Pair pair) {
        if (pair == null) {
            return;
        }
        final boolean match =
                Math.abs(pair.served().lastMedian() - pair.shadow().lastMedian()) <= settings.shadowMatchDistance();
        metrics.shadow()
                .comparison(
                        lane.client().modelName(),
                        pair.segment(),
                        match,
                        pair.served().latencyMs(),
                        pair.shadow().latencyMs());
    }
}
