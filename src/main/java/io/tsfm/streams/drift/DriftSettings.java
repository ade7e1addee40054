package io.tsfm.streams.drift;

import java.time.Duration;

/**
 * How input drift is measured: the rolling event-time window compared, the slice it is kept in, how
 * long the reference collects after the first observation (unless pinned), and how many observations
 * each side needs before a PSI is reported.
 *
 * @param window          the current window, a whole number of slices (e.g. 24 h)
 * @param slice           the unit the window rolls by (e.g. 1 h); also the alignment of the reference
 * @param reference       how long the first-seen reference collects, a whole number of slices (e.g. 7 days)
 * @param minObservations observations both the reference and the current window need for a PSI
 */
public record DriftSettings(Duration window, Duration slice, Duration reference, long minObservations) {

    /** 24 h window in 1 h slices against the first 7 days seen, 500 observations each side. */
    public static final DriftSettings DEFAULT =
            new DriftSettings(Duration.ofHours(24), Duration.ofHours(1), Duration.ofDays(7), 500);

    public DriftSettings {
        if (window == null || slice == null || reference == null) {
            throw new IllegalArgumentException("window, slice and reference are required");
        }
        if (slice.toMillis() <= 0 || window.toMillis() <= 0 || reference.toMillis() <= 0) {
            throw new IllegalArgumentException("window, slice and reference must be positive");
        }
        if (window.toMillis() % slice.toMillis() != 0 || reference.toMillis() % slice.toMillis() != 0) {
            throw new IllegalArgumentException("window (" + window + ") and reference (" + reference
                    + ") must be whole numbers of slices (" + slice + ")");
        }
        if (window.toMillis() / slice.toMillis() > 10_000) {
            throw new IllegalArgumentException("more than 10,000 slices per window: " + window + " / " + slice);
        }
        if (minObservations < 1) {
            throw new IllegalArgumentException("minObservations must be at least 1: " + minObservations);
        }
    }

    public long sliceMs() {
        return slice.toMillis();
    }

    public int slices() {
        return (int) (window.toMillis() / slice.toMillis());
    }
}
