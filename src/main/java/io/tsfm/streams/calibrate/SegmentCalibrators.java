package io.tsfm.streams.calibrate;

import io.tsfm.streams.domain.CalibrationSnapshot;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A task's calibrators for one model: per cell (liquidity bucket and activity class), shape of the model's
 * band at a step (banded or flat), horizon step and side (lower, upper), one {@link OnlineCalibrator}
 * aiming at half the target's misses. Loaded lazily from a state lookup; remembers which changed so the
 * caller writes back only those. Held by cell, then by shape, step and side in an array: a score updates 24 of
 * them (48 with the standby baseline's), and building each one's store key to look it up was two fifths of the
 * stream thread's scoring work (a profile of the 10,000-market cycle).
 */
public final class SegmentCalibrators {
    public static final String BANDED = "banded";
    public static final String FLAT = "flat";
    public static final String LOWER = "lo";
    public static final String UPPER = "hi";

    private final CalibrationSettings settings;
    private final Function<String, CalibratorState> load;
    private final Map<String, Cell> cells = new HashMap<>();
    private final List<Slot> dirty = new ArrayList<>();

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

    /** One calibrator with its store key, and whether it changed since the last {@link #takeDirty()}. */
    private static final class Slot {
        final String key;
        final OnlineCalibrator calibrator;
        boolean dirty;

        Slot(final String key, final OnlineCalibrator calibrator) {
            this.key = key;
            this.calibrator = calibrator;
        }
    }

    /** A cell's calibrators, loaded as they are first asked for, at {@code ((step - 1) * 2 + shape) * 2 + side}. */
    private static final class Cell {
        Slot[] slots = new Slot[0];
    }

    private Slot slot(final String cell, final boolean flat, final int step, final boolean upper) {
        if (step < 1) {
            throw new IllegalArgumentException("steps count from 1: " + step);
        }
        final Cell c = cells.computeIfAbsent(cell, k -> new Cell());
        final int index = ((step - 1) * 2 + (flat ? 1 : 0)) * 2 + (upper ? 1 : 0);
        if (index >= c.slots.length) {
            c.slots = Arrays.copyOf(c.slots, Math.max(index + 1, 2 * c.slots.length));
        }
        Slot slot = c.slots[index];
        if (slot == null) {
            final String key = key(cell, flat, step, upper ? UPPER : LOWER);
            slot = new Slot(key, OnlineCalibrator.of(settings, load.apply(key)));
            c.slots[index] = slot;
        }
        return slot;
    }

    private void changed(final Slot slot) {
        if (!slot.dirty) {
            slot.dirty = true;
            dirty.add(slot);
        }
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
        final Slot lo = slot(cell, flat, step, false);
        final Slot hi = slot(cell, flat, step, true);
        final OnlineCalibrator lower = lo.calibrator;
        final OnlineCalibrator upper = hi.calibrator;
        final double share = 1.0 - settings.sideTarget();
        lower.update(lowerError, servedLower, missTarget(share, upper));
        upper.update(upperError, servedUpper, missTarget(share, lower));
        changed(lo);
        changed(hi);
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
            final OnlineCalibrator lo = slot(cell, false, h + 1, false).calibrator;
            lower[h] = lo.scale();
            upper[h] = slot(cell, false, h + 1, true).calibrator.scale();
            samples[h] = lo.samples();
            final OnlineCalibrator flatLo = slot(cell, true, h + 1, false).calibrator;
            flatLower[h] = flatLo.scale();
            flatUpper[h] = slot(cell, true, h + 1, true).calibrator.scale();
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
        for (final Slot slot : dirty) {
            out.put(slot.key, slot.calibrator.state());
            slot.dirty = false;
        }
        dirty.clear();
        return out;
    }

    /** Forget the cache (the task's store is the truth, e.g. after the task moved). */
    public void clear() {
        cells.clear();
        dirty.clear();
    }
}
