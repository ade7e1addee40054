package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesOutcome;

/**
 * What the model-call stage hands the emitter for one job: the model's forecast when its series came back
 * valid, else the baseline with the reason (a failed call, an invalid or missing series, a missed deadline).
 */
final class CallOutcomes {
    private final Emitter emitter;
    private final ForecastFactory factory;
    private final StreamMeters metrics;
    private final long jobDeadlineMs;

    CallOutcomes(
            final Emitter emitter,
            final ForecastFactory factory,
            final StreamMeters metrics,
            final long jobDeadlineMs) {
        this.emitter = emitter;
        this.factory = factory;
        this.metrics = metrics;
        this.jobDeadlineMs = jobDeadlineMs;
    }

    /**
     * A lane's answer for one job: the model's forecast (with its standby band, computed ahead or null), or the
     * baseline when the call failed or the series is invalid.
     */
    void answered(
            final JobTracker.Job job,
            final BatchResult result,
            final ForecastFactory.Call call,
            final ModelClient client,
            final double[][] standbyBand) {
        if (result.failed()) {
            emitter.baseline(
                    job.marketId(),
                    job.context(),
                    FallbackReasons.forModelFailure(result.failureKind()),
                    result.failureDetail(),
                    call,
                    job.fallbackCalibration(),
                    job.route(),
                    client);
            return;
        }
        final SeriesOutcome outcome = result.outcomes().get(job.key());
        if (outcome != null && outcome.isValid()) {
            emitter.forecast(
                    job.answer(factory, outcome.paths(), client, call), job.context(), job.calibration(), standbyBand);
        } else {
            final String why = outcome == null ? FallbackReasons.INVALID_MISSING_SERIES : outcome.invalidReason();
            metrics.invalidPayload(why);
            emitter.baseline(
                    job.marketId(),
                    job.context(),
                    FallbackReasons.forInvalidSeries(why),
                    "series " + job.key() + ": " + why,
                    call,
                    job.fallbackCalibration(),
                    job.route(),
                    client);
        }
    }

    /** A job whose deadline passed without a valid answer: the baseline goes out. */
    void expired(final JobTracker.Job job, final ModelClient client) {
        emitter.baseline(
                job.marketId(),
                job.context(),
                FallbackReasons.DEADLINE_EXCEEDED,
                "no valid answer within " + jobDeadlineMs + " ms",
                null,
                job.fallbackCalibration(),
                job.route(),
                client);
    }
}
