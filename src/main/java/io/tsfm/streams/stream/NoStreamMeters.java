package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ScoringMeters;
import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import java.util.Map;
import java.util.function.IntSupplier;

/** {@link StreamMeters#NONE}: counts nothing, for a topology that is only described (topology docs). */
final class NoStreamMeters extends ScoringMeters.None implements StreamMeters, ShadowPathMeters, InputDriftMeters {

    @Override
    public void tick() {}

    @Override
    public void dlq(final String reason) {}

    @Override
    public void forecastEmitted(
            final String runtime, final double lastStepWidth, final int crossingFixedSteps, final int invalidSteps) {}

    @Override
    public void routeSelected(final String selected, final String reason) {}

    @Override
    public void fallback(final String reason) {}

    @Override
    public void invalidPayload(final String why) {}

    @Override
    public void lateAnswer() {}

    @Override
    public void cycle(final long boundaryMs, final long nanos) {}

    @Override
    public void emitDelay(final long millis) {}

    @Override
    public Runnable trackPending(final IntSupplier openJobs) {
        return () -> {};
    }

    @Override
    public Runnable trackRunningCycle(final IntSupplier running) {
        return () -> {};
    }

    @Override
    public void committed(
            final long tickCount, final Map<String, Long> dlqByReason, final Map<String, Long> forecastsByRuntime) {}

    @Override
    public ShadowPathMeters shadow() {
        return this;
    }

    @Override
    public InputDriftMeters drift() {
        return this;
    }

    @Override
    public void forecast(final String model, final String outcome) {}

    @Override
    public void comparison(
            final String model, final String segment, final boolean match, final Long servedMs, final Long shadowMs) {}

    @Override
    public void observe(
            final String taskId,
            final String segment,
            final Map<Feature, Histogram> reference,
            final Map<Feature, Histogram> current,
            final long minObservations) {}

    @Override
    public void closed(final String taskId) {}
}
