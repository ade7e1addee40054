package io.tsfm.streams.drift;

/**
 * The Population Stability Index of a current distribution against a reference, over the same fixed
 * bins: {@code PSI = sum_i (a_i - e_i) * ln(a_i / e_i)} with {@code e_i} the reference proportion and
 * {@code a_i} the current proportion of bin {@code i}.
 *
 * <p>An empty bin would make {@code ln} infinite, so each proportion is floored at {@link #EPSILON}
 * (1e-4, the usual choice) before the sum; the floored proportions are not renormalised. A bin empty
 * on both sides then contributes exactly 0, and a bin empty on one side contributes a large but finite
 * term, {@code (p - 1e-4) * ln(p / 1e-4)}. Every term is non-negative, so PSI >= 0.
 */
public final class Psi {

    /** Floor of each proportion, so empty bins stay finite. */
    public static final double EPSILON = 1e-4;
    /** Alert rules warn when the PSI of a feature stays above this. */
    public static final double WARN_ABOVE = 0.2;
    /** Alert rules page when the PSI of a feature stays above this. */
    public static final double PAGE_ABOVE = 0.3;

    private Psi() {}

    /**
     * The population stability index of two histograms.
     *
     * @return the PSI of {@code current} against {@code reference}, or NaN when either is empty (no
     *         distribution to compare)
     */
    public static double of(final Histogram reference, final Histogram current) {
        if (reference.bins() != current.bins()) {
            throw new IllegalArgumentException(
                    "histograms over different bins: " + reference.bins() + " and " + current.bins());
        }
        final long referenceTotal = reference.total();
        final long currentTotal = current.total();
        if (referenceTotal == 0 || currentTotal == 0) {
            return Double.NaN;
        }
        double psi = 0.0;
        for (int i = 0; i < reference.bins(); i++) {
            final double e = Math.max((double) reference.count(i) / referenceTotal, EPSILON);
            final double a = Math.max((double) current.count(i) / currentTotal, EPSILON);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
