package io.tsfm.streams.bench;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tsfm.streams.metrics.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory registry whose {@code tsfm.forecast.emit.delay} timer also keeps every sample with the
 * wall time it was recorded at: the exact distribution instead of histogram buckets, and (record time
 * minus delay) gives the wall time of the cycle start of each forecast.
 */
final class EmitDelayRegistry extends SimpleMeterRegistry {

    /** One recorded emit delay: when it was recorded (epoch ms) and the delay (ms). */
    record Sample(long recordedAtMs, double delayMs) {
        long cycleStartMs() {
            return recordedAtMs - Math.round(delayMs);
        }
    }

    private final List<Sample> samples = new ArrayList<>();

    EmitDelayRegistry() {
        super(SimpleConfig.DEFAULT, Clock.SYSTEM);
    }

    @Override
    protected Timer newTimer(final Meter.Id id, final DistributionStatisticConfig config, final PauseDetector pause) {
        if (!MetricNames.EMIT_DELAY.equals(id.getName())) {
            return super.newTimer(id, config, pause);
        }
        return new CumulativeTimer(id, clock, config, pause, getBaseTimeUnit(), false) {
            @Override
            protected void recordNonNegative(final long amount, final TimeUnit unit) {
                super.recordNonNegative(amount, unit);
                synchronized (samples) {
                    samples.add(new EmitDelayRegistry.Sample(System.currentTimeMillis(), unit.toNanos(amount) / 1e6));
                }
            }
        };
    }

    int sampleCount() {
        synchronized (samples) {
            return samples.size();
        }
    }

    List<Sample> samplesFrom(final int index) {
        synchronized (samples) {
            return new ArrayList<>(samples.subList(index, samples.size()));
        }
    }
}
