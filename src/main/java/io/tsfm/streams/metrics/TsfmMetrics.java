package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tsfm.streams.stream.StreamMeters;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntSupplier;

/**
 * The application's own meters, in one place so names stay a contract with the alert rules and
 * dashboards (docs/metrics.md). Every meter carries the registry's common tag {@code rollout_stage}.
 */
public final class TsfmMetrics implements StreamMeters {

    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400),
        Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(1200), Duration.ofMillis(2000),
        Duration.ofMillis(5000), Duration.ofMillis(10_000), Duration.ofMillis(30_000)
    };

    private final MeterRegistry registry;
    private final CounterCache counters;
    private final ConcurrentMap<String, DistributionSummary> widths = new ConcurrentHashMap<>();
    private final CycleMeters cycles;
    private final ScoreMeters scores;
    /** Counted once per valid tick: kept at hand rather than looked up by name and tags each time. */
    private final Counter ticks;

    private final ShadowMeters shadow;
    private final DriftMeters drift;
    private final ModelMeters model;

    public TsfmMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.counters = new CounterCache(registry);
        this.cycles = new CycleMeters(registry, counters);
        this.scores = new ScoreMeters(registry, counters);
        KnownSeries.register(counters);
        this.ticks = counters.get(TICKS, "Valid ticks processed");
        this.shadow = new ShadowMeters(registry, counters);
        this.drift = new DriftMeters(registry);
        this.model = new ModelMeters(registry, counters);
    }

    /** The model clients' calls, batches, breakers and licences. */
    public ModelMeters model() {
        return model;
    }

    /** The rollout candidate's shadow forecasts and their comparison with the served ones. */
    @Override
    public ShadowMeters shadow() {
        return shadow;
    }

    /** The model input's drift (PSI per segment and feature). */
    @Override
    public DriftMeters drift() {
        return drift;
    }

    /** Meters for unit tests and tools that need no export. */
    public static TsfmMetrics inMemory() {
        return new TsfmMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void forecastEmitted(
            final String runtime, final double lastStepWidth, final int crossingFixedSteps, final int invalidSteps) {
        counters.get(FORECASTS, "Forecasts published, by runtime (tollama or baseline)", "runtime", runtime)
                .increment();
        widths.computeIfAbsent(
                        runtime,
                        r -> DistributionSummary.builder(INTERVAL_WIDTH)
                                .description("Width q_high - q_low of the last horizon step of each published forecast")
                                .tags("runtime", r)
                                .serviceLevelObjectives(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6)
                                .register(registry))
                .record(lastStepWidth);
        if (crossingFixedSteps > 0) {
            counters.get(QUANTILE_CROSSING, "Forecasts whose quantiles crossed and were sorted")
                    .increment();
        }
        if (invalidSteps > 0) {
            counters.get(
                            INVALID_OUTPUT,
                            "Forecasts with a step violating 0<=q_low<=q_mid<=q_high<=1 after post-processing")
                    .increment();
        }
    }

    /** Forecasts whose horizon was realised and scored, by runtime. */
    @Override
    public void forecastsScored(final String runtime, final long count) {
        scores.forecastsScored(runtime, count);
    }

    /**
     * Scored horizon steps of one label set: {@code count} steps with the given outcome (inside, below,
     * above) of the served or uncalibrated band, their summed mean pinball loss and summed band width.
     */
    @Override
    public void scoredSteps(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final String outcome,
            final long count) {
        scores.scoredSteps(runtime, model, segment, horizon, band, outcome, count);
    }

    @Override
    public void scoreLoss(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final double pinballSum,
            final double widthSum) {
        scores.scoreLoss(runtime, model, segment, horizon, band, pinballSum, widthSum);
    }

    /** The width scale served to a model's segment at a horizon bucket in one cycle (1 = uncalibrated). */
    @Override
    public void calibrationScale(final String model, final String segment, final String horizon, final double scale) {
        scores.calibrationScale(model, segment, horizon, scale);
    }

    /** A published forecast's route: route_selected (tsfm or baseline) and route_reason. */
    @Override
    public void routeSelected(final String selected, final String reason) {
        counters.get(
                        ROUTE_SELECTED,
                        "Published forecasts by route_selected and route_reason",
                        "route_selected",
                        selected,
                        "route_reason",
                        reason)
                .increment();
    }

    @Override
    public void fallback(final String reason) {
        counters.get(FALLBACK, "Baseline answers, by fallback reason", "reason", reason)
                .increment();
    }

    @Override
    public void invalidPayload(final String why) {
        counters.get(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why)
                .increment();
    }

    @Override
    public void lateAnswer() {
        counters.get(LATE_ANSWERS, "Model answers dropped because their job was already resolved")
                .increment();
    }

    @Override
    public void cycle(final long boundaryMs, final long nanos) {
        cycles.cycle(boundaryMs, nanos);
    }

    @Override
    public void emitDelay(final long millis) {
        cycles.emitDelay(millis);
    }

    /**
     * Counts {@code openJobs} in {@code tsfm_pending_jobs} until the returned action is run (a task's close):
     * the gauge reads what is open, instead of adding up increments that a task fenced mid-transaction
     * would leave behind.
     */
    @Override
    public Runnable trackPending(final IntSupplier openJobs) {
        return cycles.trackPending(openJobs);
    }

    /** Counts a task in {@code tsfm_cycles_running} while {@code running} says 1, until the returned action is run. */
    @Override
    public Runnable trackRunningCycle(final IntSupplier running) {
        return cycles.trackRunningCycle(running);
    }

    @Override
    public void dlq(final String reason) {
        counters.get(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason)
                .increment();
    }

    public void streamThreadFailed() {
        counters.get(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced")
                .increment();
    }

    @Override
    public void tick() {
        ticks.increment();
    }

    /** Records a task's commit made durable (see {@code stream/CommittedCounts}). */
    @Override
    public void committed(
            final long tickCount, final Map<String, Long> dlqByReason, final Map<String, Long> forecastsByRuntime) {
        if (tickCount > 0) {
            counters.get(TICKS_COMMITTED, "Valid ticks whose processing was committed")
                    .increment((double) tickCount);
        }
        dlqByReason.forEach((reason, n) -> counters.get(
                        DLQ_COMMITTED,
                        "Ticks sent to the dead-letter topic in committed transactions, by reason",
                        "reason",
                        reason)
                .increment(n));
        forecastsByRuntime.forEach((runtime, n) -> counters.get(
                        FORECASTS_COMMITTED,
                        "Forecasts published in committed transactions, by runtime",
                        "runtime",
                        runtime)
                .increment(n));
    }

    /** Test helper: current value of a counter with the given tags, 0 when it was never incremented. */
    public double count(final String name, final String... tags) {
        final Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0.0 : c.count();
    }

    /** Sum of a counter over all its tag values (e.g. every DLQ reason). */
    public double total(final String name) {
        return registry.find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Tasks of this instance with a cycle between slices. */
    public int runningCycles() {
        return cycles.runningCycles();
    }

    /** Model jobs open on this instance. */
    public int pendingJobs() {
        return cycles.pendingJobs();
    }
}
