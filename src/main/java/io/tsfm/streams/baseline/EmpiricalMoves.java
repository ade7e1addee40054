package io.tsfm.streams.baseline;

/**
 * A forecast built from how the series itself moved, for series that sit still most of the time, move in
 * ticks and jump: the median is the last value (on real prediction markets nothing simple beats it), and
 * each quantile at step h is the last value plus the same quantile of the series' own h-step moves over
 * its context, so a market that rarely moves gets a narrow or zero-width band and one that jumps gets its
 * jumps. Pure maths in whatever space the values are given (the logit, for probabilities).
 *
 * <p>Observation cadence: a series sampled every P steps (an hourly price on the 5-minute grid) changes only
 * on every P-th step. When every change of the context falls on the same phase of some P > 1 and that is
 * unlikely by chance (P^(changes - 1) >= {@value #CADENCE_EVIDENCE}), only the origins with the forecast
 * origin's phase give the moves, so step h is banded only where a new observation can arrive.
 *
 * <p>Lower levels never lie above the last value and upper ones never below it: the band always holds the
 * median. Steps with fewer than {@value #MIN_MOVES} moves get a zero-width band (a flat answer), and a side
 * of the band needs at least {@value #MIN_CHANGES_PER_SIDE} changes in its direction in the context: one jump is
 * an event, not a distribution, yet in a short context or one phase of a cadence it alone can fill a tenth of the
 * origins and band a whole step.
 */
public final class EmpiricalMoves {
    /** Least P^(changes - 1) that counts as a cadence (one chance in a thousand for random change times). */
    static final double CADENCE_EVIDENCE = 1000.0;
    /** Fewest origins a phase must have for the cadence to be used. */
    static final int MIN_PHASE_ORIGINS = 8;
    /** Fewest moves at a step for a band. */
    static final int MIN_MOVES = 2;
    /** Fewest one-step changes in a side's direction (rises for upper levels, falls for lower) for that side. */
    static final int MIN_CHANGES_PER_SIDE = 2;

    private EmpiricalMoves() {}

    /**
     * Quantile paths {@code [level][step]} for {@code horizon} steps after {@code x}, in the space of x.
     *
     * @param x      the context, oldest first, finite, at least one value
     * @param levels strictly ascending levels in (0, 1)
     */
    public static double[][] forecast(final double[] x, final int horizon, final double[] levels) {
        if (x.length == 0 || horizon < 1) {
            throw new IllegalArgumentException("need at least one value and a positive horizon");
        }
        final int n = x.length;
        final double last = x[n - 1];
        final int period = cadence(x);
        final double[][] out = new double[levels.length][horizon];
        final double[] moves = new double[n];
        int risesInContext = 0;
        int fallsInContext = 0;
        for (int i = 1; i < n; i++) {
            risesInContext += x[i] > x[i - 1] ? 1 : 0;
            fallsInContext += x[i] < x[i - 1] ? 1 : 0;
        }
        final boolean upperSide = risesInContext >= MIN_CHANGES_PER_SIDE;
        final boolean lowerSide = fallsInContext >= MIN_CHANGES_PER_SIDE;
        for (int h = 1; h <= horizon; h++) {
            int count = 0;
            int falls = 0;
            int rises = 0;
            // origin j sees x[j] and the move to x[j + h]; the forecast's own origin is n - 1, and with a cadence
            // only origins of its phase count
            for (int j = n - 1 - period * ((h + period - 1) / period); j >= 0; j -= period) {
                final double move = x[j + h] - x[j];
                moves[count++] = move;
                falls += move < 0 ? 1 : 0;
                rises += move > 0 ? 1 : 0;
            }
            for (int i = 0; i < levels.length; i++) {
                final double move = count < MIN_MOVES
                                || levels[i] == 0.5
                                || !(levels[i] < 0.5 ? lowerSide : upperSide)
                                || staysOnTheMedian(count, falls, rises, levels[i])
                        ? 0.0
                        : quantile(moves, count, levels[i]);
                out[i][h - 1] = last + (levels[i] < 0.5 ? Math.min(move, 0.0) : Math.max(move, 0.0));
            }
        }
        return out;
    }

    /**
     * Whether a level's quantile of the moves lies on the median's side of zero, so its band edge is the last
     * value, told from the counts alone: a lower level whose ranks fall among the moves that did not fall, an
     * upper one whose ranks fall among those that did not rise. A market that sits still answers here without
     * a selection.
     */
    static boolean staysOnTheMedian(final int count, final int falls, final int rises, final double level) {
        final double pos = (count - 1) * level;
        return level < 0.5 ? (int) Math.floor(pos) >= falls : (int) Math.ceil(pos) < count - rises;
    }

    /**
     * The observation cadence P in steps (1 when there is none): the greatest common divisor of the gaps
     * between the context's changes, when the changes are enough evidence for it and each phase keeps
     * enough origins.
     */
    static int cadence(final double[] x) {
        int changes = 0;
        int previous = -1;
        int gcd = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[i - 1]) {
                if (previous >= 0) {
                    gcd = gcd(gcd, i - previous);
                }
                previous = i;
                changes++;
            }
        }
        if (gcd < 2
                || x.length / gcd < MIN_PHASE_ORIGINS
                || (changes - 1) * Math.log(gcd) < Math.log(CADENCE_EVIDENCE)) {
            return 1;
        }
        return gcd;
    }

    private static int gcd(final int a, final int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The linear-interpolation quantile (Hyndman-Fan type 7) of the first {@code count} values, found by
     * selection rather than a sort (the values are reordered).
     */
    static double quantile(final double[] values, final int count, final double level) {
        final double pos = (count - 1) * level;
        final int lo = (int) Math.floor(pos);
        final double below = select(values, count, lo);
        if (lo + 1 >= count || pos == lo) {
            return below;
        }
        // after selecting rank lo, every value from lo + 1 on is at least as large: the next rank is their least
        double above = values[lo + 1];
        for (int i = lo + 2; i < count; i++) {
            above = Math.min(above, values[i]);
        }
        return below + (pos - lo) * (above - below);
    }

    /** The value of rank {@code k} (0-based) among the first {@code count}, Hoare's selection in place. */
    static double select(final double[] a, final int count, final int k) {
        int left = 0;
        int right = count - 1;
        while (left < right) {
            final double pivot = a[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    final double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
