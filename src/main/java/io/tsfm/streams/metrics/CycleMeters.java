package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The cycle's meters, behind {@link TsfmMetrics}: its duration and emit delay, how far event time trails,
 * and the gauges summed over the live tasks (open model jobs, cycles between slices).
 */
final class CycleMeters {
    private final CounterCache counters;
    /** What each live task has open; the gauge sums them now, so it cannot drift or go below zero. */
    private final TaskSums openJobSums = new TaskSums();

    private final TaskSums runningCycleSums = new TaskSums();
    private final AtomicLong latestBoundaryMs = new AtomicLong(Long.MIN_VALUE);
    private final Timer cycleDuration;
    private final Timer emitDelay;

    CycleMeters(final MeterRegistry registry, final CounterCache counters) {
        this.counters = counters;
        this.cycleDuration = Timer.builder(CYCLE_DURATION)
                .description("Stream-thread time to run one cycle of one task (contexts, gates, jobs)")
                .serviceLevelObjectives(TsfmMetrics.LATENCY_BUCKETS)
                .register(registry);
        this.emitDelay = Timer.builder(EMIT_DELAY)
                .description("Wall time from a cycle's start to the emission of each of its forecasts")
                .serviceLevelObjectives(TsfmMetrics.LATENCY_BUCKETS)
                .register(registry);
        Gauge.builder(PENDING_JOBS, this, CycleMeters::pendingJobs)
                .description("Model jobs waiting for an answer or deadline (all tasks of this instance)")
                .register(registry);
        Gauge.builder(CYCLES_RUNNING, this, CycleMeters::runningCycles)
                .description("Tasks of this instance whose cycle has markets left for its next slices")
                .register(registry);
        Gauge.builder(
                        CYCLE_LAG,
                        latestBoundaryMs,
                        b -> b.get() == Long.MIN_VALUE ? Double.NaN : (System.currentTimeMillis() - b.get()) / 1000.0)
                .description("Wall clock minus the latest boundary whose cycle ran: how far event time trails now")
                .baseUnit("seconds")
                .register(registry);
    }

    void cycle(final long boundaryMs, final long nanos) {
        cycleDuration.record(Duration.ofNanos(nanos));
        counters.get(CYCLES, "Cycles run (one per boundary per task)").increment();
        latestBoundaryMs.accumulateAndGet(boundaryMs, Math::max);
    }

    void emitDelay(final long millis) {
        emitDelay.record(Duration.ofMillis(Math.max(0, millis)));
    }

    Runnable trackPending(final IntSupplier openJobs) {
        return openJobSums.track(openJobs);
    }

    Runnable trackRunningCycle(final IntSupplier running) {
        return runningCycleSums.track(running);
    }

    int runningCycles() {
        return runningCycleSums.sum();
    }

    int pendingJobs() {
        return openJobSums.sum();
    }
}
