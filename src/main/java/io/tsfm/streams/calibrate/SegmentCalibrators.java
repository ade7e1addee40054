package io.tsfm.streams.calibrate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A task's calibrators, one per segment (liquidity bucket, moving or flat, horizon step), loaded lazily
 * from a state lookup and remembering which changed so the caller writes back only those.
 */
public final class SegmentCalibrators {
    private final CalibrationSettings settings;
    private final Function<String, CalibratorState> load;
    private final Map<String, OnlineCalibrator> loaded = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    public SegmentCalibrators(final CalibrationSettings settings, final Function<String, CalibratorState> load) {
        this.settings = settings;
        this.load = load;
    }

    /** The segment label of a market at as_of, as it appears in metrics and meta: {@code high|moving}. */
    public static String segment(final String liquidityBucket, final String motion) {
        final String bucket = liquidityBucket == null || liquidityBucket.isBlank()
                ? "unknown" : liquidityBucket.trim().toLowerCase(Locale.ROOT);
        return bucket + "|" + motion;
    }

    /** Store key of one segment's calibrator at horizon step {@code step} (1-based): {@code high|moving|3}. */
    public static String key(final String segment, final int step) {
        return segment + "|" + step;
    }

    private OnlineCalibrator calibrator(final String key) {
        return loaded.computeIfAbsent(key, k -> OnlineCalibrator.of(settings, load.apply(k)));
    }

    public void update(final String segment, final int step, final double error) {
        final String key = key(segment, step);
        calibrator(key).update(error);
        dirty.add(key);
    }

    /** What a forecast made now for this segment gets, step by step. */
    public CalibrationSnapshot snapshot(final String segment, final int horizon) {
        if (!settings.enabled()) {
            return CalibrationSnapshot.none(segment, horizon);
        }
        final double[] scales = new double[horizon];
        final long[] samples = new long[horizon];
        for (int h = 0; h < horizon; h++) {
            final OnlineCalibrator c = calibrator(key(segment, h + 1));
            scales[h] = c.scale();
            samples[h] = c.samples();
        }
        return new CalibrationSnapshot(settings.method(), segment, scales, samples, settings.minSamples());
    }

    /** The states changed since the last call, by store key; the caller persists them. */
    public Map<String, CalibratorState> takeDirty() {
        final Map<String, CalibratorState> out = new HashMap<>();
        for (final String key : dirty) {
            out.put(key, loaded.get(key).state());
        }
        dirty.clear();
        return out;
    }

    /** Forget the cache (the task's store is the truth, e.g. after the task moved). */
    public void clear() {
        loaded.clear();
        dirty.clear();
    }
}
