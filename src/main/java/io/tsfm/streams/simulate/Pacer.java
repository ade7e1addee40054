package io.tsfm.streams.simulate;

import java.time.Instant;

/**
 * Holds a producer back so that event time advances {@code speed} times faster than wall time from the
 * moment the pacer starts; a speed of 0 means as fast as possible.
 */
final class Pacer {

    private final long originMs;
    private final double speed;
    private final long wallStartNanos;

    Pacer(final Instant eventOrigin, final double speed) {
        if (!(speed >= 0.0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0: " + speed);
        }
        this.originMs = eventOrigin.toEpochMilli();
        this.speed = speed;
        this.wallStartNanos = System.nanoTime();
    }

    /** Wall time, in nanoseconds after the start, at which the record stamped {@code eventMs} is due. */
    long dueNanos(final long eventMs) {
        if (speed == 0.0) {
            return 0L;
        }
        return (long) ((eventMs - originMs) * 1_000_000.0 / speed);
    }

    /** Blocks until the record stamped {@code eventMs} is due. */
    void awaitDue(final long eventMs) throws InterruptedException {
        final long waitNanos = dueNanos(eventMs) - (System.nanoTime() - wallStartNanos);
        if (waitNanos >= 1_000_000L) {
            Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
        }
    }
}
