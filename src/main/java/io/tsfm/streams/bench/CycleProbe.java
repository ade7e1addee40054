package io.tsfm.streams.bench;

import io.micrometer.core.instrument.Timer;
import io.tsfm.streams.metrics.MetricNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The app's meters read just before a measured boundary is crossed, so that one cycle's figures (forecasts,
 * model share, requests, fallbacks, scores, stream-thread time) are the differences read after it.
 */
final class CycleProbe {
    private final AppUnderTest app;
    private final int samplesBefore;
    private final double forecastsBefore;
    private final double modelBefore;
    private final Timer cycleTimer;
    private final double cycleBefore;
    private final Timer requestTimer;
    private final double requestTimeBefore;
    private final long requestsBefore;
    private final Map<String, Double> fallbacksBefore;
    private final double scoredBefore;

    CycleProbe(final AppUnderTest app) {
        this.app = app;
        samplesBefore = app.registry.sampleCount();
        forecastsBefore = app.metrics.total(MetricNames.FORECASTS);
        modelBefore = app.metrics.count(MetricNames.FORECASTS, "runtime", "tollama");
        cycleTimer = app.registry.find(MetricNames.CYCLE_DURATION).timer();
        cycleBefore = cycleTimer.totalTime(TimeUnit.MILLISECONDS);
        requestTimer = app.registry
                .find(MetricNames.REQUEST_DURATION)
                .tag("status", "ok")
                .timer();
        requestTimeBefore = requestTimer.totalTime(TimeUnit.MILLISECONDS);
        requestsBefore = requestTimer.count();
        fallbacksBefore = fallbacks(app);
        scoredBefore = scoredTotal(app);
    }

    /**
     * Waits, up to {@code timeoutMs}, until no task runs a cycle and no model job is open: a crossing that begins
     * while the last one's work goes on would count that work's forecasts as its own.
     *
     * @return how long it waited
     */
    static long awaitIdle(final AppUnderTest app, final long timeoutMs) throws InterruptedException {
        final long start = System.currentTimeMillis();
        while (app.metrics.pendingJobs() > 0 || app.metrics.runningCycles() > 0) {
            if (app.failed() || System.currentTimeMillis() - start > timeoutMs) {
                break;
            }
            Thread.sleep(5);
        }
        return System.currentTimeMillis() - start;
    }

    /** Forecasts emitted since. */
    double forecasts() {
        return app.metrics.total(MetricNames.FORECASTS) - forecastsBefore;
    }

    /** How many emit delays were recorded since. */
    int sampleCount() {
        return app.registry.sampleCount() - samplesBefore;
    }

    /** The emit delays recorded since. */
    List<EmitDelayRegistry.Sample> samples() {
        return app.registry.samplesFrom(samplesBefore);
    }

    /** Forecasts the model answered since. */
    double model() {
        return app.metrics.count(MetricNames.FORECASTS, "runtime", "tollama") - modelBefore;
    }

    /** Each fallback reason counted since, with how many more. */
    void fallbacksSince(final BiConsumer<String, Double> each) {
        fallbacks(app).forEach((reason, n) -> {
            final double d = n - fallbacksBefore.getOrDefault(reason, 0.0);
            if (d > 0) {
                each.accept(reason, d);
            }
        });
    }

    /** Forecasts scored since. */
    double scored() {
        return scoredTotal(app) - scoredBefore;
    }

    /** The stream threads' cycle time since, summed over tasks. */
    double streamThreadMs() {
        return cycleTimer.totalTime(TimeUnit.MILLISECONDS) - cycleBefore;
    }

    /** Model requests answered ok since. */
    long requests() {
        return requestTimer.count() - requestsBefore;
    }

    /** The client-side time of the ok model requests since, in total. */
    double requestTimeMs() {
        return requestTimer.totalTime(TimeUnit.MILLISECONDS) - requestTimeBefore;
    }

    private static double scoredTotal(final AppUnderTest app) {
        return app.registry.find(MetricNames.FORECASTS_SCORED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static Map<String, Double> fallbacks(final AppUnderTest app) {
        final Map<String, Double> out = new HashMap<>();
        app.registry
                .find(MetricNames.FALLBACK)
                .counters()
                .forEach(c -> out.merge(String.valueOf(c.getId().getTag("reason")), c.count(), Double::sum));
        return out;
    }
}
