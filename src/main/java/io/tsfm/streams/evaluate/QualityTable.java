package io.tsfm.streams.evaluate;

import io.tsfm.streams.domain.BandScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running sums of the scoring protocol's figures for several forecasts of the same points (the served one
 * and references), over all points and over active ones, per horizon step: coverage of the outer band,
 * each tail, mean pinball loss over the levels, width. Constant memory however long the history.
 */
public final class QualityTable {
    public static final String ALL = "all";
    public static final String ACTIVE = "active";

    /** Sums of one method over one slice, index = horizon step - 1. */
    public static final class Sums {
        final long[] n;
        final long[] below;
        final long[] above;
        final double[] pinball;
        final double[] width;

        Sums(final int horizon) {
            n = new long[horizon];
            below = new long[horizon];
            above = new long[horizon];
            pinball = new double[horizon];
            width = new double[horizon];
        }

        void add(final List<BandScore> steps) {
            for (int k = 0; k < steps.size(); k++) {
                final BandScore s = steps.get(k);
                n[k]++;
                switch (s.outcome()) {
                    case BELOW -> below[k]++;
                    case ABOVE -> above[k]++;
                    default -> {}
                }
                pinball[k] += s.meanPinball();
                width[k] += s.width();
            }
        }

        /** Forecasts (points) counted: every one has every step. */
        public long points() {
            return n[0];
        }

        public int horizon() {
            return n.length;
        }

        public double coverage(final int k) {
            return 1.0 - (below[k] + above[k]) / (double) n[k];
        }

        public double below(final int k) {
            return below[k] / (double) n[k];
        }

        public double above(final int k) {
            return above[k] / (double) n[k];
        }

        public double pinball(final int k) {
            return pinball[k] / n[k];
        }

        public double width(final int k) {
            return width[k] / n[k];
        }

        public double coverage() {
            double inside = 0;
            long all = 0;
            for (int k = 0; k < n.length; k++) {
                inside += n[k] - below[k] - above[k];
                all += n[k];
            }
            return inside / all;
        }

        public double pinball() {
            return sum(pinball) / total();
        }

        public double width() {
            return sum(width) / total();
        }

        /** The largest share below the band or above it at any step. */
        public double worstTail() {
            double worst = 0;
            for (int k = 0; k < n.length; k++) {
                worst = Math.max(worst, Math.max(below(k), above(k)));
            }
            return worst;
        }

        private long total() {
            long t = 0;
            for (final long v : n) {
                t += v;
            }
            return t;
        }

        private static double sum(final double[] values) {
            double s = 0;
            for (final double v : values) {
                s += v;
            }
            return s;
        }
    }

    private final int horizon;
    private final List<String> methods;
    /** By slice, group of points (what served them; {@link #ALL} for every point) and method. */
    private final Map<String, Map<String, Map<String, Sums>>> sums = new LinkedHashMap<>();

    /** @param methods the methods in table order */
    public QualityTable(final int horizon, final List<String> methods) {
        this.horizon = horizon;
        this.methods = List.copyOf(methods);
        sums.put(ALL, new LinkedHashMap<>());
        sums.put(ACTIVE, new LinkedHashMap<>());
    }

    /**
     * One point's steps scored for one method; the point counts for every point and for its {@code group}
     * (what served it).
     */
    public void add(final String group, final String method, final boolean active, final List<BandScore> steps) {
        if (steps.size() != horizon) {
            throw new IllegalArgumentException("one score per horizon step is required");
        }
        for (final String slice : active ? List.of(ALL, ACTIVE) : List.of(ALL)) {
            cell(slice, ALL, method).add(steps);
            cell(slice, group, method).add(steps);
        }
    }

    private Sums cell(final String slice, final String group, final String method) {
        return sums.get(slice)
                .computeIfAbsent(group, g -> {
                    final Map<String, Sums> byMethod = new LinkedHashMap<>();
                    methods.forEach(m -> byMethod.put(m, new Sums(horizon)));
                    return byMethod;
                })
                .get(method);
    }

    /** Every point of a slice. */
    public Sums sums(final String slice, final String method) {
        return sums(slice, ALL, method);
    }

    /** The points of a slice that one group served (empty sums when it served none). */
    public Sums sums(final String slice, final String group, final String method) {
        final Map<String, Sums> byMethod = sums.get(slice).get(group);
        return byMethod == null ? new Sums(horizon) : byMethod.get(method);
    }

    /** The groups that served points, besides {@link #ALL}. */
    public List<String> groups() {
        final List<String> out = new ArrayList<>(sums.get(ALL).keySet());
        out.remove(ALL);
        return out;
    }

    public List<String> methods() {
        return methods;
    }
}
