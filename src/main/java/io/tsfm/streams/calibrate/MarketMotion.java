package io.tsfm.streams.calibrate;

import java.util.Arrays;

/**
 * How much a market moved before as_of, from its own context: the number of steps among the last
 * {@code lookbackSteps} whose value differs from the step before by more than {@code threshold}. None makes
 * it {@link #QUIET} (real markets sit still most of the time, and any band covers a market that does not
 * move), some make it {@link #MOVING}; the calibrators further split moving markets by that count
 * ({@code classes}: ascending lower bounds, e.g. {1, 3, 6} gives the classes 1-2, 3-5 and 6+ changes),
 * because a market that moved once in two hours and one that moves every step need different bands, and
 * with {@code direction} by the sign of the last move ({@code -up}, {@code -down}): after a rise real markets
 * often fall back (a last trade bouncing between bid and ask), so the two sides of their bands differ.
 */
public record MarketMotion(int lookbackSteps, double threshold, int[] classes, boolean direction) {
    public static final String MOVING = "moving";
    public static final String QUIET = "quiet";

    public MarketMotion {
        if (lookbackSteps < 1 || !(threshold >= 0.0)) {
            throw new IllegalArgumentException("lookbackSteps must be >= 1 and threshold >= 0");
        }
        classes = classes.clone();
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 1 || (i > 0 && classes[i] <= classes[i - 1])) {
                throw new IllegalArgumentException(
                        "activity classes must be ascending counts >= 1: " + Arrays.toString(classes));
            }
        }
    }

    /** Quiet or moving, without finer classes. */
    public MarketMotion(final int lookbackSteps, final double threshold) {
        this(lookbackSteps, threshold, new int[0], false);
    }

    /** Steps among the last {@code lookbackSteps} of a context (ending at as_of) that moved. */
    public int changes(final double[] context) {
        int changes = 0;
        for (int i = Math.max(1, context.length - lookbackSteps); i < context.length; i++) {
            if (Math.abs(context[i] - context[i - 1]) > threshold) {
                changes++;
            }
        }
        return changes;
    }

    /** {@link #MOVING} or {@link #QUIET}: the segment label in metrics, scores and meta. */
    public String of(final double[] context) {
        return changes(context) == 0 ? QUIET : MOVING;
    }

    /**
     * The calibrators' finer label: {@code quiet}, or {@code moving} with the class of the change count
     * ({@code moving1-2}, {@code moving6+}; plain {@code moving} without classes) and, with {@code direction},
     * the sign of the last move ({@code moving1-2-up}).
     */
    public String activity(final double[] context) {
        final String activity = countClass(context);
        if (!direction || QUIET.equals(activity)) {
            return activity;
        }
        for (int i = context.length - 1; i > 0; i--) {
            if (Math.abs(context[i] - context[i - 1]) > threshold) {
                return activity + (context[i] > context[i - 1] ? "-up" : "-down");
            }
        }
        return activity;
    }

    private String countClass(final double[] context) {
        final int changes = changes(context);
        if (changes == 0) {
            return QUIET;
        }
        for (int i = classes.length - 1; i >= 0; i--) {
            if (changes >= classes[i]) {
                return MOVING + classes[i] + (i + 1 < classes.length ? "-" + (classes[i + 1] - 1) : "+");
            }
        }
        return classes.length == 0 ? MOVING : MOVING + "1-" + (classes[0] - 1);
    }
}
