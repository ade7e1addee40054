package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.CalibrationSnapshot;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A task's calibrators for one model: per cell (liquidity bucket and activity class), shape of the model's
 * band at a step (banded or flat), horizon step and side (lower, upper), one {@link OnlineCalibrator}
 * aiming at half the target's misses. Loaded lazily from a state lookup; remembers which changed so the
 * caller writes back only those.
 */
public final class SegmentCalibrators {
    public static final String BANDED = "banded";
    public static final String FLAT = "flat";
    public static final String LOWER = "lo";
    public static final String UPPER = "hi";

    private final CalibrationSettings settings;
    private final Function<String, CalibratorState> load;
    private final Map<String, OnlineCalibrator> loaded = new HashMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    public SegmentCalibrators(final CalibrationSettings settings, final Function<String, CalibratorState> load) {
        this.settings = settings;
        this.load = load;
    }

    /**
     * A calibration cell: the segment of {@code motion} (an activity class) and, for errors in ticks, the tick
     * ({@code unknown|moving3-5-up|tick0.001}): moves counted in ticks of 0.01 and of 0.001 are not alike. A tick
     * of 0 (errors over the model's band) adds nothing.
     */
    public static String cell(final String liquidityBucket, final String motion, final double tick) {
        final String segment = segment(liquidityBucket, motion);
        return tick > 0
                ? segment + "|tick"
                        + BigDecimal.valueOf(tick).stripTrailingZeros().toPlainString()
                : segment;
    }

    /** The label of a bucket and a motion or activity class, as in metrics and meta: {@code high|moving}. */
    public static String segment(final String liquidityBucket, final String motion) {
        final String bucket = liquidityBucket == null || liquidityBucket.isBlank()
                ? "unknown"
                : liquidityBucket.trim().toLowerCase(Locale.ROOT);
        return bucket + "|" + motion;
    }

    /** Store key of one calibrator: {@code high|moving3-5|banded|3|lo} (step 1-based). */
    public static String key(final String cell, final boolean flat, final int step, final String side) {
        return cell + "|" + (flat ? FLAT : BANDED) + "|" + step + "|" + side;
    }

    private OnlineCalibrator calibrator(final String key) {
        return loaded.computeIfAbsent(key, k -> OnlineCalibrator.of(settings, load.apply(k)));
    }

    /**
     * One scored step's errors against the lower and the upper side of its band, with the scales that step was
     * served with (0 where it was served uncalibrated). Each side aims at half the target's misses; when one
     * side is saturated (as narrow as it gets and still missing less than its share), the other takes the
     * rest, so that the band still misses its target share: a market that after a rise seldom rises again
     * gets a band at its edge above and the misses below.
     */
    public void update(
            final String cell,
            final boolean flat,
            final int step,
            final double lowerError,
            final double upperError,
            final double servedLower,
            final double servedUpper) {
        final String lo = key(cell, flat, step, LOWER);
        final String hi = key(cell, flat, step, UPPER);
        final OnlineCalibrator lower = calibrator(lo);
        final OnlineCalibrator upper = calibrator(hi);
        final double share = 1.0 - settings.sideTarget();
        lower.update(lowerError, servedLower, missTarget(share, upper));
        upper.update(upperError, servedUpper, missTarget(share, lower));
        dirty.add(lo);
        dirty.add(hi);
    }

    /** A side's miss target: its share, or what the saturated other side leaves of the band's misses. */
    static double missTarget(final double share, final OnlineCalibrator other) {
        return other.saturated() ? Math.max(share, 2 * share - other.missRate()) : share;
    }

    /** What a forecast made now in this segment and cell gets, step by step and shape by shape. */
    public CalibrationSnapshot snapshot(final String segment, final String cell, final int horizon) {
        if (!settings.enabled()) {
            return CalibrationSnapshot.none(segment, cell, horizon);
        }
        final double[] lower = new double[horizon];
        final double[] upper = new double[horizon];
        final long[] samples = new long[horizon];
        final double[] flatLower = new double[horizon];
        final double[] flatUpper = new double[horizon];
        final long[] flatSamples = new long[horizon];
        for (int h = 0; h < horizon; h++) {
            final OnlineCalibrator lo = calibrator(key(cell, false, h + 1, LOWER));
            lower[h] = lo.scale();
            upper[h] = calibrator(key(cell, false, h + 1, UPPER)).scale();
            samples[h] = lo.samples();
            final OnlineCalibrator flatLo = calibrator(key(cell, true, h + 1, LOWER));
            flatLower[h] = flatLo.scale();
            flatUpper[h] = calibrator(key(cell, true, h + 1, UPPER)).scale();
            flatSamples[h] = flatLo.samples();
        }
        return new CalibrationSnapshot(
                settings.method(),
                segment,
                cell,
                lower,
                upper,
                samples,
                flatLower,
                flatUpper,
                flatSamples,
                settings.minSamples());
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
