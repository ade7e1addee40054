package io.tsfm.streams.calibrate;

/**
 * The calibration a forecast gets, fixed when its cycle runs (so an answer that arrives later cannot see
 * scores realised after its as_of): the segment, and per horizon step the scale and the samples behind it.
 * A step whose segment has fewer than the minimum samples keeps the model's band (scale 1, not applied).
 */
public record CalibrationSnapshot(String method, String segment, double[] scales, long[] samples, int minSamples) {

    /** No calibration: every step keeps its band. */
    public static CalibrationSnapshot none(final String segment, final int horizon) {
        final double[] ones = new double[horizon];
        java.util.Arrays.fill(ones, 1.0);
        return new CalibrationSnapshot("none", segment, ones, new long[horizon], Integer.MAX_VALUE);
    }

    public boolean applied(final int stepIndex) {
        return samples[stepIndex] >= minSamples;
    }

    /** The scale served at a step: the learnt one when applied, else 1. */
    public double servedScale(final int stepIndex) {
        return applied(stepIndex) ? scales[stepIndex] : 1.0;
    }

    public int appliedSteps() {
        int n = 0;
        for (int i = 0; i < samples.length; i++) {
            if (applied(i)) {
                n++;
            }
        }
        return n;
    }
}
