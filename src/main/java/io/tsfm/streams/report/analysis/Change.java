package io.tsfm.streams.report.analysis;

/** One figure in the previous period and in this one; NaN where a period has no value for it. */
public record Change(double previous, double current) {

    /** {@code current - previous}. */
    public double delta() {
        return current - previous;
    }

    /** {@code (current - previous) / previous}; NaN when the previous value is 0 or unknown. */
    public double relative() {
        return previous != 0.0 && Double.isFinite(previous) ? (current - previous) / previous : Double.NaN;
    }

    /** Whether it rose by at least {@code absolute} and to at least {@code factor} times the previous value. */
    public boolean roseBy(final double absolute, final double factor) {
        return Double.isFinite(previous)
                && Double.isFinite(current)
                && current - previous >= absolute
                && current >= previous * factor;
    }
}
