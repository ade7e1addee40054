package io.tsfm.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class TsfmMetricsTest {

    @Test
    void breakerAndInflightGaugesKeepReportingAfterGarbageCollection() {
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        final TsfmMetrics metrics = new TsfmMetrics(registry);
        metrics.model().breakerOpenGauge("current", () -> true);
        metrics.model().inflightGauge("current", () -> 3);
        System.gc(); // a gauge that holds its lambda weakly reads NaN from here on
        assertThat(registry.get(MetricNames.BREAKER_OPEN).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(MetricNames.INFLIGHT).gauge().value()).isEqualTo(3.0);
    }

    @Test
    void knownSeriesExistAtZeroBeforeAnythingHappens() {
        final TsfmMetrics metrics = TsfmMetrics.inMemory();
        assertThat(metrics.registry()
                        .get(MetricNames.FALLBACK)
                        .tag("reason", "deadline_exceeded")
                        .counter()
                        .count())
                .isZero();
        assertThat(metrics.registry()
                        .get(MetricNames.DLQ)
                        .tag("reason", "malformed_json")
                        .counter()
                        .count())
                .isZero();
        assertThat(metrics.registry()
                        .get(MetricNames.REQUEST)
                        .tag("status", "ok")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void countsForecastsFallbacksAndPendingJobs() {
        final TsfmMetrics metrics = TsfmMetrics.inMemory();
        metrics.forecastEmitted("tollama", 0.2, 1, 0);
        metrics.forecastEmitted("baseline", 0.1, 0, 0);
        metrics.fallback("too_few_points");
        final Runnable taskA = metrics.trackPending(() -> 2);
        final Runnable taskB = metrics.trackPending(() -> 1);
        taskB.run(); // task B closed: its jobs are no longer counted, whatever it left open
        assertThat(metrics.total(MetricNames.FORECASTS)).isEqualTo(2.0);
        assertThat(metrics.count(MetricNames.FALLBACK, "reason", "too_few_points"))
                .isEqualTo(1.0);
        assertThat(metrics.count(MetricNames.QUANTILE_CROSSING)).isEqualTo(1.0);
        assertThat(metrics.pendingJobs()).isEqualTo(2);
        assertThat(metrics.registry().get(MetricNames.PENDING_JOBS).gauge().value())
                .isEqualTo(2.0);
        taskA.run();
        assertThat(metrics.pendingJobs()).isZero();
    }
}
