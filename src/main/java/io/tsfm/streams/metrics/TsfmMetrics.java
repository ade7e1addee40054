package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.TickRejection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The application's own meters, in one place so names stay a contract with the alert rules and
 * dashboards (docs/metrics.md). Every meter carries the registry's common tag {@code rollout_stage}.
 */
public final class TsfmMetrics {

    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400),
        Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(1200), Duration.ofMillis(2000),
        Duration.ofMillis(5000), Duration.ofMillis(10_000), Duration.ofMillis(30_000)
    };

    private final MeterRegistry registry;
    private final CounterCache counters;
    private final ConcurrentMap<String, DistributionSummary> widths = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionSummary> calibrationScales = new ConcurrentHashMap<>();
    /** What each live task has open; the gauge sums them now, so it cannot drift or go below zero. */
    private final TaskSums openJobSums = new TaskSums();

    private final TaskSums runningCycleSums = new TaskSums();
    private final AtomicLong latestBoundaryMs = new AtomicLong(Long.MIN_VALUE);
    private final Timer cycleDuration;
    private final Timer emitDelay;
    /** Counted once per valid tick: kept at hand rather than looked up by name and tags each time. */
    private final Counter ticks;

    private final ShadowMeters shadow;
    private final DriftMeters drift;
    private final ModelMeters model;

    public TsfmMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.counters = new CounterCache(registry);
        this.cycleDuration = Timer.builder(CYCLE_DURATION)
                .description("Stream-thread time to run one cycle of one task (contexts, gates, jobs)")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        this.emitDelay = Timer.builder(EMIT_DELAY)
                .description("Wall time from a cycle's start to the emission of each of its forecasts")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        Gauge.builder(PENDING_JOBS, this, TsfmMetrics::pendingJobs)
                .description("Model jobs waiting for an answer or deadline (all tasks of this instance)")
                .register(registry);
        Gauge.builder(CYCLES_RUNNING, this, TsfmMetrics::runningCycles)
                .description("Tasks of this instance whose cycle has markets left for its next slices")
                .register(registry);
        Gauge.builder(
                        CYCLE_LAG,
                        latestBoundaryMs,
                        b -> b.get() == Long.MIN_VALUE ? Double.NaN : (System.currentTimeMillis() - b.get()) / 1000.0)
                .description("Wall clock minus the latest boundary whose cycle ran: how far event time trails now")
                .baseUnit("seconds")
                .register(registry);
        preRegister();
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
    public ShadowMeters shadow() {
        return shadow;
    }

    /** The model input's drift (PSI per segment and feature). */
    public DriftMeters drift() {
        return drift;
    }

    /**
     * Creates the known series at zero, so that rules and dashboards find every metric from the first
     * scrape and rate() sees the step from 0 to 1 instead of a series appearing.
     */
    private void preRegister() {
        for (final String runtime : List.of("tollama", "baseline")) {
            counters.get(FORECASTS, "Forecasts published, by runtime (tollama or baseline)", "runtime", runtime);
        }
        for (final String reason : List.of(
                FallbackReasons.TOO_FEW_POINTS,
                FallbackReasons.BASELINE_ONLY_LIQUIDITY_BUCKET,
                FallbackReasons.MAX_GAP_EXCEEDED,
                FallbackReasons.CIRCUIT_BREAKER_OPEN,
                FallbackReasons.DEADLINE_EXCEEDED)) {
            counters.get(FALLBACK, "Baseline answers, by fallback reason", "reason", reason);
        }
        counters.get(
                INVALID_OUTPUT, "Forecasts with a step violating 0<=q_low<=q_mid<=q_high<=1 after post-processing");
        counters.get(QUANTILE_CROSSING, "Forecasts whose quantiles crossed and were sorted");
        counters.get(LATE_ANSWERS, "Model answers dropped because their job was already resolved");
        counters.get(CYCLES, "Cycles run (one per boundary per task)");
        for (final String runtime : List.of("tollama", "baseline")) {
            counters.get(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime);
        }
        counters.get(TICKS, "Valid ticks processed");
        counters.get(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced");
        for (final String why : List.of(
                FallbackReasons.INVALID_QUANTILE_SET_MISMATCH,
                FallbackReasons.INVALID_HORIZON_MISMATCH,
                FallbackReasons.INVALID_NON_FINITE_VALUE,
                FallbackReasons.INVALID_MISSING_SERIES)) {
            counters.get(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why);
        }
        for (final String reason : List.of(
                TickRejection.EMPTY_VALUE,
                TickRejection.MALFORMED_JSON,
                TickRejection.NOT_AN_OBJECT,
                TickRejection.MISSING_FIELD,
                TickRejection.WRONG_TYPE,
                TickRejection.NON_FINITE,
                TickRejection.OUT_OF_RANGE,
                TickRejection.UNPARSEABLE_TIMESTAMP,
                TickRejection.ABSURD_TIMESTAMP,
                TickRejection.KEY_MISMATCH)) {
            counters.get(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason);
        }
    }

    /** Meters for unit tests and tools that need no export. */
    public static TsfmMetrics inMemory() {
        return new TsfmMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

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
    public void forecastsScored(final String runtime, final long count) {
        counters.get(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime)
                .increment((double) count);
    }

    /**
     * Scored horizon steps of one label set: {@code count} steps with the given outcome (inside, below,
     * above) of the served or uncalibrated band, their summed mean pinball loss and summed band width.
     */
    public void scoredSteps(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final String outcome,
            final long count) {
        counters.get(
                        SCORE_STEPS,
                        "Scored forecast steps, by band (served or uncalibrated) and outcome (inside, below, above)",
                        "runtime",
                        runtime,
                        "model",
                        model,
                        "segment",
                        segment,
                        "horizon",
                        horizon,
                        "band",
                        band,
                        "outcome",
                        outcome)
                .increment((double) count);
    }

    public void scoreLoss(
            final String runtime,
            final String model,
            final String segment,
            final String horizon,
            final String band,
            final double pinballSum,
            final double widthSum) {
        counters.get(
                        SCORE_PINBALL,
                        "Sum over scored steps of the mean pinball loss of their quantiles",
                        "runtime",
                        runtime,
                        "model",
                        model,
                        "segment",
                        segment,
                        "horizon",
                        horizon,
                        "band",
                        band)
                .increment(pinballSum);
        counters.get(
                        SCORE_WIDTH,
                        "Sum over scored steps of the band width (highest minus lowest quantile)",
                        "runtime",
                        runtime,
                        "model",
                        model,
                        "segment",
                        segment,
                        "horizon",
                        horizon,
                        "band",
                        band)
                .increment(widthSum);
    }

    /** The width scale served to a model's segment at a horizon bucket in one cycle (1 = uncalibrated). */
    public void calibrationScale(final String model, final String segment, final String horizon, final double scale) {
        calibrationScales
                .computeIfAbsent(
                        model + "|" + segment + "|" + horizon,
                        k -> DistributionSummary.builder(CALIBRATION_SCALE)
                                .description(
                                        "Width scale served per model, segment and horizon bucket, one sample per task, "
                                                + "cycle and horizon step")
                                .tags("model", model, "segment", segment, "horizon", horizon)
                                .register(registry))
                .record(scale);
    }

    /** A published forecast's route: route_selected (tsfm or baseline) and route_reason. */
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

    public void fallback(final String reason) {
        counters.get(FALLBACK, "Baseline answers, by fallback reason", "reason", reason)
                .increment();
    }

    public void invalidPayload(final String why) {
        counters.get(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why)
                .increment();
    }

    public void lateAnswer() {
        counters.get(LATE_ANSWERS, "Model answers dropped because their job was already resolved")
                .increment();
    }

    public void cycle(final long boundaryMs, final long nanos) {
        cycleDuration.record(Duration.ofNanos(nanos));
        counters.get(CYCLES, "Cycles run (one per boundary per task)").increment();
        latestBoundaryMs.accumulateAndGet(boundaryMs, Math::max);
    }

    public void emitDelay(final long millis) {
        emitDelay.record(Duration.ofMillis(Math.max(0, millis)));
    }

    /**
     * Counts {@code openJobs} in {@code tsfm_pending_jobs} until the returned action is run (a task's close):
     * the gauge reads what is open, instead of adding up increments that a task fenced mid-transaction
     * would leave behind.
     */
    public Runnable trackPending(final IntSupplier openJobs) {
        return openJobSums.track(openJobs);
    }

    /** Counts a task in {@code tsfm_cycles_running} while {@code running} says 1, until the returned action is run. */
    public Runnable trackRunningCycle(final IntSupplier running) {
        return runningCycleSums.track(running);
    }

    public void dlq(final String reason) {
        counters.get(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason)
                .increment();
    }

    public void streamThreadFailed() {
        counters.get(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced")
                .increment();
    }

    public void tick() {
        ticks.increment();
    }

    /** Records a task's commit made durable (see {@link CommittedCounts}). */
    void committed(
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
        return runningCycleSums.sum();
    }

    /** Model jobs open on this instance. */
    public int pendingJobs() {
        return openJobSums.sum();
    }
}
