package io.tsfm.streams.forecast;

import io.tsfm.streams.calibrate.CalibrationSnapshot;

/**
 * The calibration a served forecast got, in its meta: the segment, the method, whether it was applied
 * ({@code applied}: every step; {@code partial}; {@code insufficient_samples}: the uncalibrated band was
 * served; {@code disabled}), and per horizon step the scale served and the scored steps behind it.
 */
public record CalibrationMeta(String status, String method, String segment, int appliedSteps, double[] scale,
                              long[] samples) {
    public static final String APPLIED = "applied";
    public static final String PARTIAL = "partial";
    public static final String INSUFFICIENT_SAMPLES = "insufficient_samples";
    public static final String DISABLED = "disabled";

    public static CalibrationMeta of(final CalibrationSnapshot snapshot, final boolean enabled) {
        final int horizon = snapshot.scales().length;
        final double[] served = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            served[k] = snapshot.servedScale(k);
        }
        final int applied = snapshot.appliedSteps();
        final String status = !enabled ? DISABLED
                : applied == horizon ? APPLIED : applied == 0 ? INSUFFICIENT_SAMPLES : PARTIAL;
        return new CalibrationMeta(status, enabled ? snapshot.method() : null, snapshot.segment(), applied, served,
                snapshot.samples().clone());
    }
}
