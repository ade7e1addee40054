package io.tsfm.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tsfm.streams.stream.ShadowPathMeters;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The rollout candidate's shadow forecasts (never served) and their comparison with the served ones. */
public final class ShadowMeters implements ShadowPathMeters {
    private final MeterRegistry registry;
    private final CounterCache counters;
    private final ConcurrentMap<String, Timer> latencies = new ConcurrentHashMap<>();

    ShadowMeters(final MeterRegistry registry, final CounterCache counters) {
        this.registry = registry;
        this.counters = counters;
    }

    /** A shadow forecast of the candidate: outcome "ok" or the fallback reason its path would have served. */
    @Override
    public void forecast(final String model, final String outcome) {
        counters.get(
                        MetricNames.SHADOW_FORECASTS,
                        "Shadow forecasts of the rollout candidate, by outcome (ok or " + "fallback reason)",
                        "model",
                        model,
                        "outcome",
                        outcome)
                .increment();
    }

    /**
     * A shadow forecast compared with the served one: whether their last-step medians match, and both call
     * latencies when both made a call.
     */
    @Override
    public void comparison(
            final String model, final String segment, final boolean match, final Long servedMs, final Long shadowMs) {
        counters.get(
                        MetricNames.SHADOW_COMPARISONS,
                        "Shadow forecasts compared with the served one, by whether the " + "last-step medians match",
                        "model",
                        model,
                        "segment",
                        segment,
                        "match",
                        Boolean.toString(match))
                .increment();
        if (servedMs != null && shadowMs != null) {
            latency(model, "served").record(Duration.ofMillis(servedMs));
            latency(model, "shadow").record(Duration.ofMillis(shadowMs));
        }
    }

    /** In seconds, Prometheus' base unit: {@code tsfm_shadow_latency_seconds}. */
    private Timer latency(final String model, final String side) {
        return latencies.computeIfAbsent(
                model + "|" + side,
                k -> Timer.builder(MetricNames.SHADOW_LATENCY)
                        .description(
                                "Model call latency of compared pairs: the served call and the candidate's shadow call")
                        .tags("model", model, "side", side)
                        .register(registry));
    }
}
