package io.tsfm.streams.domain;

/**
 * The calibration a served forecast got, in its meta: the segment, the method, whether it was applied
 * ({@code applied}: every step; {@code partial}; {@code insufficient_samples}: the uncalibrated band was
 * served; {@code disabled}), and per horizon step the scales served below and above the median
 * ({@code scale_lower}, {@code scale_upper}; {@code scale} is their geometric mean, the band's overall
 * width factor) and the scored steps behind them.
 */
public record CalibrationMeta(
        String status,
        String method,
        String segment,
        int appliedSteps,
        double[] scale,
        double[] scaleLower,
        double[] scaleUpper,
        long[] samples) {
    public static final String APPLIED = "applied";
    public static final String PARTIAL = "partial";
    public static final String INSUFFICIENT_SAMPLES = "insufficient_samples";
    public static final String DISABLED = "disabled";

    /**
     * The meta of a forecast served with the given calibration snapshot.
     *
     * @param flat per step, whether the model's band had no width (it picks the calibrators)
     */
    public static CalibrationMeta of(final CalibrationSnapshot snapshot, final boolean enabled, final boolean[] flat) {
        final int horizon = snapshot.horizon();
        final double[] lower = new double[horizon];
        final double[] upper = new double[horizon];
        final double[] scale = new double[horizon];
        final long[] samples = new long[horizon];
        int applied = 0;
        for (int k = 0; k < horizon; k++) {
            lower[k] = snapshot.lowerScale(k, flat[k]);
            upper[k] = snapshot.upperScale(k, flat[k]);
            scale[k] = Math.sqrt(lower[k] * upper[k]);
            samples[k] = snapshot.samples(k, flat[k]);
            applied += snapshot.applied(k, flat[k]) ? 1 : 0;
        }
        final String status =
                !enabled ? DISABLED : applied == horizon ? APPLIED : applied == 0 ? INSUFFICIENT_SAMPLES : PARTIAL;
        return new CalibrationMeta(
                status, enabled ? snapshot.method() : null, snapshot.segment(), applied, scale, lower, upper, samples);
    }
}
