package io.tsfm.streams.metrics;

import static io.tsfm.streams.metrics.MetricNames.*;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tsfm.streams.model.ModelCallMeters;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** The model clients' meters, labelled by client role: HTTP attempts, batches, breakers, licences, in flight. */
public final class ModelMeters implements ModelCallMeters {
    private final MeterRegistry registry;
    private final CounterCache counters;
    private final ConcurrentMap<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionSummary> batchSizes = new ConcurrentHashMap<>();

    ModelMeters(final MeterRegistry registry, final CounterCache counters) {
        this.registry = registry;
        this.counters = counters;
        // the series rules and dashboards read exist from the start, at zero
        counters.get(REQUEST, "tollama HTTP attempts, by client role and outcome", "client", "current", "status", "ok");
        requestTimers.computeIfAbsent(
                "current|ok",
                k -> Timer.builder(REQUEST_DURATION)
                        .description("Latency of one tollama HTTP attempt, by client role and outcome")
                        .tags("client", "current", "status", "ok")
                        .serviceLevelObjectives(TsfmMetrics.LATENCY_BUCKETS)
                        .register(registry));
        batchSize("current");
        for (final String[] t : new String[][] {
            {"closed", "open"}, {"open", "half-open"}, {"half-open", "closed"}, {"half-open", "open"}
        }) {
            counters.get(
                    BREAKER_TRANSITIONS,
                    "Circuit breaker state transitions",
                    "client",
                    "current",
                    "from",
                    t[0],
                    "to",
                    t[1]);
        }
    }

    /**
     * One HTTP attempt to tollama by a client role ("current", "candidate", "shadow"): status "ok",
     * "http_503", "timeout", "connection", "invalid_payload".
     */
    @Override
    public void request(final String client, final String status, final long nanos) {
        counters.get(REQUEST, "tollama HTTP attempts, by client role and outcome", "client", client, "status", status)
                .increment();
        requestTimers
                .computeIfAbsent(
                        client + "|" + status,
                        k -> Timer.builder(REQUEST_DURATION)
                                .description("Latency of one tollama HTTP attempt, by client role and outcome")
                                .tags("client", client, "status", status)
                                .serviceLevelObjectives(TsfmMetrics.LATENCY_BUCKETS)
                                .register(registry))
                .record(Duration.ofNanos(nanos));
    }

    @Override
    public void batch(final String client, final int series) {
        batchSize(client).record(series);
    }

    private DistributionSummary batchSize(final String client) {
        return batchSizes.computeIfAbsent(
                client,
                c -> DistributionSummary.builder(BATCH_SIZE)
                        .description("Series per tollama request")
                        .tags("client", c)
                        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256)
                        .register(registry));
    }

    @Override
    public void breakerTransition(final String client, final String from, final String to) {
        counters.get(BREAKER_TRANSITIONS, "Circuit breaker state transitions", "client", client, "from", from, "to", to)
                .increment();
    }

    /** Registers the breaker gauge (1 open, 0 otherwise) for a client role. */
    @Override
    public void breakerOpenGauge(final String client, final Supplier<Boolean> open) {
        Gauge.builder(BREAKER_OPEN, open, s -> Boolean.TRUE.equals(s.get()) ? 1.0 : 0.0)
                .tags("client", client)
                .description("1 while the tollama circuit breaker is open")
                .strongReference(true)
                .register(registry);
    }

    /**
     * Registers the licence gauges of a client role: {@code tsfm_model_licence_state{client, model, state}} is 1 for
     * the state the model's licence is in ({@code verified}, {@code unverified}, {@code refused}), 0 for the others.
     */
    public void licenceStateGauges(
            final String client, final String model, final List<String> states, final Supplier<String> state) {
        for (final String s : states) {
            Gauge.builder(MODEL_LICENCE_STATE, state, current -> s.equals(current.get()) ? 1.0 : 0.0)
                    .tags("client", client, "model", model, "state", s)
                    .description("1 for the state of the model's licence: verified (called), unverified (not read "
                            + "yet, the baseline serves), refused (read after start-up and not allowed)")
                    .strongReference(true)
                    .register(registry);
        }
    }

    @Override
    public void inflightGauge(final String client, final Supplier<Integer> inflight) {
        Gauge.builder(INFLIGHT, inflight, s -> s.get().doubleValue())
                .tags("client", client)
                .description("tollama requests in flight on this instance")
                .strongReference(true)
                .register(registry);
    }
}
