package io.tsfm.streams.metrics;

import io.tsfm.streams.drift.Feature;
import io.tsfm.streams.drift.Histogram;
import io.tsfm.streams.drift.Psi;
import java.util.Map;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The application's own meters, in one place so names stay a contract with the alert rules and
 * dashboards (docs/metrics.md). Every meter carries the registry's common tag {@code rollout_stage}.
 */
public final class TsfmMetrics {
    public static final String FORECASTS = "tsfm.forecasts";
    public static final String FALLBACK = "tsfm.fallback";
    public static final String REQUEST = "tsfm.request";
    public static final String REQUEST_DURATION = "tsfm.request.duration";
    public static final String INVALID_PAYLOAD = "tsfm.invalid.payload";
    public static final String INVALID_OUTPUT = "tsfm.invalid.output";
    public static final String QUANTILE_CROSSING = "tsfm.quantile.crossing";
    public static final String INTERVAL_WIDTH = "tsfm.interval.width";
    public static final String CYCLE_DURATION = "tsfm.cycle.duration";
    public static final String CYCLES = "tsfm.cycles";
    public static final String EMIT_DELAY = "tsfm.forecast.emit.delay";
    public static final String CYCLE_LAG = "tsfm.cycle.lag";
    public static final String PENDING_JOBS = "tsfm.pending.jobs";
    public static final String INFLIGHT = "tsfm.inflight.requests";
    public static final String BATCH_SIZE = "tsfm.batch.size";
    public static final String DLQ = "tsfm.dlq";
    public static final String TICKS = "tsfm.ticks";
    public static final String BREAKER_OPEN = "tsfm.breaker.open";
    public static final String BREAKER_TRANSITIONS = "tsfm.breaker.transitions";
    public static final String MODEL_LICENCE_STATE = "tsfm.model.licence.state";
    public static final String LATE_ANSWERS = "tsfm.late.answers";
    public static final String STREAM_THREAD_FAILURES = "tsfm.stream.thread.failures";
    public static final String FORECASTS_SCORED = "tsfm.forecasts.scored";
    public static final String SCORE_STEPS = "tsfm.score.steps";
    public static final String SCORE_PINBALL = "tsfm.score.pinball";
    public static final String SCORE_WIDTH = "tsfm.score.width";
    public static final String CALIBRATION_SCALE = "tsfm.calibration.scale";
    public static final String ROUTE_SELECTED = "tsfm.route.selected";
    public static final String SHADOW_FORECASTS = "tsfm.shadow.forecasts";
    public static final String SHADOW_COMPARISONS = "tsfm.shadow.comparisons";
    public static final String SHADOW_LATENCY = "tsfm.shadow.latency";
    public static final String INPUT_PSI = "tsfm.input.psi";

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400),
        Duration.ofMillis(600), Duration.ofMillis(800), Duration.ofMillis(1200), Duration.ofMillis(2000),
        Duration.ofMillis(5000), Duration.ofMillis(10_000), Duration.ofMillis(30_000)};

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionSummary> widths = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionSummary> calibrationScales = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> shadowLatencies = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DriftHistograms> driftHistograms = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Gauge> psiGauges = new ConcurrentHashMap<>();
    /** What each live task has open; the gauge sums them now, so it cannot drift or go below zero. */
    private final Set<IntSupplier> pendingSources = ConcurrentHashMap.newKeySet();
    private final AtomicLong latestBoundaryMs = new AtomicLong(Long.MIN_VALUE);
    private final Timer cycleDuration;
    private final Timer emitDelay;
    /** Counted once per valid tick: kept at hand rather than looked up by name and tags each time. */
    private final Counter ticks;
    private final ConcurrentMap<String, DistributionSummary> batchSizes = new ConcurrentHashMap<>();

    public TsfmMetrics(final MeterRegistry registry) {
        this.registry = registry;
        this.cycleDuration = Timer.builder(CYCLE_DURATION)
                .description("Stream-thread time to run one cycle of one task (contexts, gates, jobs)")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        this.emitDelay = Timer.builder(EMIT_DELAY)
                .description("Wall time from a cycle's start to the emission of each of its forecasts")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        Gauge.builder(PENDING_JOBS, this, TsfmMetrics::pendingJobs)
                .description("Model jobs waiting for an answer or deadline (all tasks of this instance)").register(registry);
        Gauge.builder(CYCLE_LAG, latestBoundaryMs, b -> b.get() == Long.MIN_VALUE ? Double.NaN
                        : (System.currentTimeMillis() - b.get()) / 1000.0)
                .description("Wall clock minus the latest boundary whose cycle ran: how far event time trails now")
                .baseUnit("seconds").register(registry);
        preRegister();
        this.ticks = counter(TICKS, "Valid ticks processed");
    }

    /**
     * Creates the known series at zero, so that rules and dashboards find every metric from the first
     * scrape and rate() sees the step from 0 to 1 instead of a series appearing.
     */
    private void preRegister() {
        for (final String runtime : List.of("tollama", "baseline")) {
            counter(FORECASTS, "Forecasts published, by runtime (tollama or baseline)", "runtime", runtime);
        }
        for (final String reason : List.of(FallbackReasons.TOO_FEW_POINTS, FallbackReasons.BASELINE_ONLY_LIQUIDITY_BUCKET,
                FallbackReasons.MAX_GAP_EXCEEDED, FallbackReasons.CIRCUIT_BREAKER_OPEN, FallbackReasons.DEADLINE_EXCEEDED)) {
            counter(FALLBACK, "Baseline answers, by fallback reason", "reason", reason);
        }
        counter(REQUEST, "tollama HTTP attempts, by client role and outcome", "client", "current", "status", "ok");
        requestTimers.computeIfAbsent("current|ok", k -> Timer.builder(REQUEST_DURATION)
                .description("Latency of one tollama HTTP attempt, by client role and outcome")
                .tags("client", "current", "status", "ok")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
        counter(INVALID_OUTPUT, "Forecasts with a step violating 0<=q_low<=q_mid<=q_high<=1 after post-processing");
        counter(QUANTILE_CROSSING, "Forecasts whose quantiles crossed and were sorted");
        counter(LATE_ANSWERS, "Model answers dropped because their job was already resolved");
        counter(CYCLES, "Cycles run (one per boundary per task)");
        batchSize("current");
        for (final String runtime : List.of("tollama", "baseline")) {
            counter(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime);
        }
        counter(TICKS, "Valid ticks processed");
        counter(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced");
        for (final String why : List.of(FallbackReasons.INVALID_QUANTILE_SET_MISMATCH,
                FallbackReasons.INVALID_HORIZON_MISMATCH, FallbackReasons.INVALID_NON_FINITE_VALUE,
                FallbackReasons.INVALID_MISSING_SERIES)) {
            counter(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why);
        }
        for (final String reason : List.of(TickRejection.EMPTY_VALUE, TickRejection.MALFORMED_JSON,
                TickRejection.NOT_AN_OBJECT, TickRejection.MISSING_FIELD, TickRejection.WRONG_TYPE,
                TickRejection.NON_FINITE, TickRejection.OUT_OF_RANGE, TickRejection.UNPARSEABLE_TIMESTAMP,
                TickRejection.ABSURD_TIMESTAMP, TickRejection.KEY_MISMATCH)) {
            counter(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason);
        }
        for (final String[] t : new String[][] {{"closed", "open"}, {"open", "half-open"}, {"half-open", "closed"},
                {"half-open", "open"}}) {
            counter(BREAKER_TRANSITIONS, "Circuit breaker state transitions", "client", "current", "from", t[0],
                    "to", t[1]);
        }
    }

    /** Meters for unit tests and tools that need no export. */
    public static TsfmMetrics inMemory() {
        return new TsfmMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    private Counter counter(final String name, final String description, final String... tags) {
        final String key = name + String.join("|", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry));
    }

    public void forecastEmitted(final String runtime, final double lastStepWidth, final int crossingFixedSteps,
                                final int invalidSteps) {
        counter(FORECASTS, "Forecasts published, by runtime (tollama or baseline)", "runtime", runtime).increment();
        widths.computeIfAbsent(runtime, r -> DistributionSummary.builder(INTERVAL_WIDTH)
                .description("Width q_high - q_low of the last horizon step of each published forecast")
                .tags("runtime", r).serviceLevelObjectives(0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6).register(registry))
                .record(lastStepWidth);
        if (crossingFixedSteps > 0) {
            counter(QUANTILE_CROSSING, "Forecasts whose quantiles crossed and were sorted").increment();
        }
        if (invalidSteps > 0) {
            counter(INVALID_OUTPUT, "Forecasts with a step violating 0<=q_low<=q_mid<=q_high<=1 after post-processing")
                    .increment();
        }
    }

    /** Forecasts whose horizon was realised and scored, by runtime. */
    public void forecastsScored(final String runtime, final long count) {
        counter(FORECASTS_SCORED, "Forecasts scored against realised values, by runtime", "runtime", runtime)
                .increment(count);
    }

    /**
     * Scored horizon steps of one label set: {@code count} steps with the given outcome (inside, below,
     * above) of the served or uncalibrated band, their summed mean pinball loss and summed band width.
     */
    public void scoredSteps(final String runtime, final String model, final String segment, final String horizon,
                            final String band, final String outcome, final long count) {
        counter(SCORE_STEPS, "Scored forecast steps, by band (served or uncalibrated) and outcome (inside, below, above)",
                "runtime", runtime, "model", model, "segment", segment, "horizon", horizon, "band", band,
                "outcome", outcome).increment(count);
    }

    public void scoreLoss(final String runtime, final String model, final String segment, final String horizon,
                          final String band, final double pinballSum, final double widthSum) {
        counter(SCORE_PINBALL, "Sum over scored steps of the mean pinball loss of their quantiles",
                "runtime", runtime, "model", model, "segment", segment, "horizon", horizon, "band", band)
                .increment(pinballSum);
        counter(SCORE_WIDTH, "Sum over scored steps of the band width (highest minus lowest quantile)",
                "runtime", runtime, "model", model, "segment", segment, "horizon", horizon, "band", band)
                .increment(widthSum);
    }

    /** The width scale served to a model's segment at a horizon bucket in one cycle (1 = uncalibrated). */
    public void calibrationScale(final String model, final String segment, final String horizon, final double scale) {
        calibrationScales.computeIfAbsent(model + "|" + segment + "|" + horizon,
                k -> DistributionSummary.builder(CALIBRATION_SCALE)
                        .description("Width scale served per model, segment and horizon bucket, one sample per task, "
                                + "cycle and horizon step")
                        .tags("model", model, "segment", segment, "horizon", horizon).register(registry)).record(scale);
    }

    /** A published forecast's route: route_selected (tsfm or baseline) and route_reason. */
    public void routeSelected(final String selected, final String reason) {
        counter(ROUTE_SELECTED, "Published forecasts by route_selected and route_reason", "route_selected", selected,
                "route_reason", reason).increment();
    }

    /** A shadow forecast of the candidate: outcome "ok" or the fallback reason its path would have served. */
    public void shadowForecast(final String model, final String outcome) {
        counter(SHADOW_FORECASTS, "Shadow forecasts of the rollout candidate, by outcome (ok or fallback reason)",
                "model", model, "outcome", outcome).increment();
    }

    /**
     * A shadow forecast compared with the served one: whether their last-step medians match, and both call
     * latencies when both made a call.
     */
    public void shadowComparison(final String model, final String segment, final boolean match, final Long servedMs,
                                 final Long shadowMs) {
        counter(SHADOW_COMPARISONS, "Shadow forecasts compared with the served one, by whether the last-step medians "
                + "match", "model", model, "segment", segment, "match", Boolean.toString(match)).increment();
        if (servedMs != null && shadowMs != null) {
            shadowLatency(model, "served").record(Duration.ofMillis(servedMs));
            shadowLatency(model, "shadow").record(Duration.ofMillis(shadowMs));
        }
    }

    /** In seconds, Prometheus' base unit: {@code tsfm_shadow_latency_seconds}. */
    private Timer shadowLatency(final String model, final String side) {
        return shadowLatencies.computeIfAbsent(model + "|" + side, k -> Timer.builder(SHADOW_LATENCY)
                .description("Model call latency of compared pairs: the served call and the candidate's shadow call")
                .tags("model", model, "side", side).register(registry));
    }

    /**
     * A task's input histograms of one segment (empty maps until its reference is complete). The gauge
     * {@code tsfm_input_psi{segment,feature}} is the PSI of this instance's tasks summed together.
     */
    public void inputDrift(final String taskId, final String segment, final Map<Feature, Histogram> reference,
                           final Map<Feature, Histogram> current, final long minObservations) {
        driftHistograms.put(taskId + "|" + segment, new DriftHistograms(segment, Map.copyOf(reference),
                Map.copyOf(current), minObservations));
        for (final Feature f : Feature.values()) {
            psiGauges.computeIfAbsent(segment + "|" + f.label(), k -> Gauge.builder(INPUT_PSI, () -> psi(segment, f))
                    .description("Population Stability Index of the model input (logit level, 5-minute change) "
                            + "over the rolling window against the reference, per liquidity segment; NaN until both "
                            + "have enough observations")
                    .tags("segment", segment, "feature", f.label()).strongReference(true).register(registry));
        }
    }

    /** A task left this instance: its histograms no longer count. */
    public void inputDriftClosed(final String taskId) {
        driftHistograms.keySet().removeIf(k -> k.startsWith(taskId + "|"));
    }

    private double psi(final String segment, final Feature feature) {
        Histogram reference = null;
        Histogram current = null;
        long min = 1;
        for (final DriftHistograms h : driftHistograms.values()) {
            if (!h.segment().equals(segment) || !h.reference().containsKey(feature)) {
                continue;
            }
            reference = reference == null ? h.reference().get(feature) : reference.plus(h.reference().get(feature));
            current = current == null ? h.current().get(feature) : current.plus(h.current().get(feature));
            min = h.minObservations();
        }
        if (reference == null || reference.total() < min || current.total() < min) {
            return Double.NaN;
        }
        return Psi.of(reference, current);
    }

    private record DriftHistograms(String segment, Map<Feature, Histogram> reference, Map<Feature, Histogram> current,
                                   long minObservations) {
    }

    public void fallback(final String reason) {
        counter(FALLBACK, "Baseline answers, by fallback reason", "reason", reason).increment();
    }

    /**
     * One HTTP attempt to tollama by a client role ("current", "candidate", "shadow"): status "ok",
     * "http_503", "timeout", "connection", "invalid_payload".
     */
    public void request(final String client, final String status, final long nanos) {
        counter(REQUEST, "tollama HTTP attempts, by client role and outcome", "client", client, "status", status)
                .increment();
        requestTimers.computeIfAbsent(client + "|" + status, k -> Timer.builder(REQUEST_DURATION)
                .description("Latency of one tollama HTTP attempt, by client role and outcome")
                .tags("client", client, "status", status)
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry)).record(Duration.ofNanos(nanos));
    }

    public void batch(final String client, final int series) {
        batchSize(client).record(series);
    }

    private DistributionSummary batchSize(final String client) {
        return batchSizes.computeIfAbsent(client, c -> DistributionSummary.builder(BATCH_SIZE)
                .description("Series per tollama request").tags("client", c)
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry));
    }

    public void invalidPayload(final String why) {
        counter(INVALID_PAYLOAD, "Series of a model answer rejected by payload validation", "why", why).increment();
    }

    public void lateAnswer() {
        counter(LATE_ANSWERS, "Model answers dropped because their job was already resolved").increment();
    }

    public void cycle(final long boundaryMs, final long nanos) {
        cycleDuration.record(Duration.ofNanos(nanos));
        counter(CYCLES, "Cycles run (one per boundary per task)").increment();
        latestBoundaryMs.accumulateAndGet(boundaryMs, Math::max);
    }

    public void emitDelay(final long millis) {
        emitDelay.record(Duration.ofMillis(Math.max(0, millis)));
    }

    /**
     * Counts {@code openJobs} in {@link #PENDING_JOBS} until the returned action is run (a task's close):
     * the gauge reads what is open, instead of adding up increments that a task fenced mid-transaction
     * would leave behind.
     */
    public Runnable trackPending(final IntSupplier openJobs) {
        final IntSupplier source = openJobs::getAsInt; // an identity of its own, even for a shared supplier
        pendingSources.add(source);
        return () -> pendingSources.remove(source);
    }

    public void dlq(final String reason) {
        counter(DLQ, "Ticks sent to the dead-letter topic, by reason", "reason", reason).increment();
    }

    public void streamThreadFailed() {
        counter(STREAM_THREAD_FAILURES, "Stream threads that died on an unexpected exception and were replaced")
                .increment();
    }

    public void tick() {
        ticks.increment();
    }

    public void breakerTransition(final String client, final String from, final String to) {
        counter(BREAKER_TRANSITIONS, "Circuit breaker state transitions", "client", client, "from", from, "to", to)
                .increment();
    }

    /** Registers the breaker gauge (1 open, 0 otherwise) for a client role. */
    public void breakerOpenGauge(final String client, final Supplier<Boolean> open) {
        Gauge.builder(BREAKER_OPEN, open, s -> Boolean.TRUE.equals(s.get()) ? 1.0 : 0.0).tags("client", client)
                .description("1 while the tollama circuit breaker is open").strongReference(true).register(registry);
    }

    /**
     * Registers the licence gauges of a client role: {@code tsfm_model_licence_state{client, model, state}} is 1 for
     * the state the model's licence is in ({@code verified}, {@code unverified}, {@code refused}), 0 for the others.
     */
    public void licenceStateGauges(final String client, final String model, final List<String> states,
                                   final Supplier<String> state) {
        for (final String s : states) {
            Gauge.builder(MODEL_LICENCE_STATE, state, current -> s.equals(current.get()) ? 1.0 : 0.0)
                    .tags("client", client, "model", model, "state", s)
                    .description("1 for the state of the model's licence: verified (called), unverified (not read "
                            + "yet, the baseline serves), refused (read after start-up and not allowed)")
                    .strongReference(true).register(registry);
        }
    }

    public void inflightGauge(final String client, final Supplier<Integer> inflight) {
        Gauge.builder(INFLIGHT, inflight, s -> s.get().doubleValue()).tags("client", client)
                .description("tollama requests in flight on this instance").strongReference(true).register(registry);
    }

    /** Test helper: current value of a counter with the given tags, 0 when it was never incremented. */
    public double count(final String name, final String... tags) {
        final Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0.0 : c.count();
    }

    /** Sum of a counter over all its tag values (e.g. every DLQ reason). */
    public double total(final String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Model jobs open on this instance. */
    public int pendingJobs() {
        return pendingSources.stream().mapToInt(IntSupplier::getAsInt).sum();
    }
}
