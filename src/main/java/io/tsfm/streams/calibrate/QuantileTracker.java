package io.tsfm.streams.calibrate;

/**
 * Adaptive conformal inference on the width scale (Gibbs and Candes, 2021; the "quantile tracking" form
 * of Angelopoulos et al., 2023): after each scored step, {@code log s += lr * (miss - (1 - target))},
 * where miss is 1 when the error exceeded the current scale. A miss widens, a hit narrows, and the scale
 * settles where misses happen {@code 1 - target} of the time, even when the errors drift. O(1) state.
 */
public final class QuantileTracker implements OnlineCalibrator {
    static final double MIN_SCALE = 1e-3;
    static final double MAX_SCALE = 1e3;

    private final double target;
    private final double learningRate;
    private double logScale;
    private long samples;

    public QuantileTracker(final double target, final double learningRate, final CalibratorState state) {
        if (!(target > 0.0 && target < 1.0) || !(learningRate > 0.0)) {
            throw new IllegalArgumentException("target must be in (0,1) and learning rate > 0");
        }
        this.target = target;
        this.learningRate = learningRate;
        if (state != null && QUANTILE_TRACKING.equals(state.method())) {
            this.logScale = Math.log(state.scale());
            this.samples = state.samples();
        }
    }

    @Override
    public void update(final double error) {
        final double miss = error > scale() ? 1.0 : 0.0;
        logScale = Math.max(Math.log(MIN_SCALE), Math.min(Math.log(MAX_SCALE),
                logScale + learningRate * (miss - (1.0 - target))));
        samples++;
    }

    @Override
    public double scale() {
        return Math.exp(logScale);
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public CalibratorState state() {
        return new CalibratorState(QUANTILE_TRACKING, scale(), samples, new double[0], 0);
    }
}
