package io.tsfm.streams.calibrate;

/**
 * Adaptive conformal inference on one side's scale (Gibbs and Candes, 2021): after each scored step,
 * {@code log s += lr * (miss - missTarget)}, where miss is 1 when the error exceeded the scale that step was
 * served with (the current scale when it was served uncalibrated). A miss widens, a hit narrows, and the
 * served bands miss {@code missTarget} of the time in the long run, whatever the errors do. It also keeps
 * an exponentially weighted share of recent misses, so the other side of the band can see when this one
 * cannot miss as often as it should ({@link #saturated()}). O(1) state.
 *
 * <p>Decaying steps (Angelopoulos, Barber and Bates, 2024): with {@code decaySamples} N > 0 the step after n
 * scored steps is {@code lr * max(1, sqrt(N / (n + 1)))}, so a new cell, or one that sees few markets (a
 * small deployment, many partitions), finds its scale in tens of steps instead of thousands, and falls to
 * {@code lr} at N steps, where the long-run guarantee of the constant step holds again.
 */
public final class QuantileTracker implements OnlineCalibrator {
    static final double MIN_SCALE = 1e-3;
    static final double MAX_SCALE = 1e3;
    /** Weight of the newest step in the recent miss share (a memory of about 500 scored steps). */
    static final double MISS_RATE_WEIGHT = 0.002;

    private final double target;
    private final double learningRate;
    private final int decaySamples;
    private double logScale;
    private long samples;
    private double missRate = Double.NaN;

    /** @param target the share this side covers: 1 minus its default miss target */
    public QuantileTracker(final double target, final double learningRate, final CalibratorState state) {
        this(target, learningRate, 0, state);
    }

    /**
     * @param target the share this side covers: 1 minus its default miss target
     * @param decaySamples scored steps by which the step has fallen to {@code learningRate}; 0 keeps it constant
     */
    public QuantileTracker(
            final double target, final double learningRate, final int decaySamples, final CalibratorState state) {
        if (!(target > 0.0 && target < 1.0) || !(learningRate > 0.0) || decaySamples < 0) {
            throw new IllegalArgumentException("target must be in (0,1), learning rate > 0 and decay samples >= 0");
        }
        this.target = target;
        this.learningRate = learningRate;
        this.decaySamples = decaySamples;
        if (state != null && QUANTILE_TRACKING.equals(state.method())) {
            this.logScale = Math.log(state.scale());
            this.samples = state.samples();
            this.missRate = state.missRate() == null ? Double.NaN : state.missRate();
        }
    }

    @Override
    public void update(final double error) {
        update(error, 0.0, 1.0 - target);
    }

    @Override
    public void update(final double error, final double servedScale, final double missTarget) {
        final double miss = error > (servedScale > 0 ? servedScale : scale()) ? 1.0 : 0.0;
        missRate = Double.isNaN(missRate) ? miss : missRate + MISS_RATE_WEIGHT * (miss - missRate);
        logScale =
                Math.max(Math.log(MIN_SCALE), Math.min(Math.log(MAX_SCALE), logScale + step() * (miss - missTarget)));
        samples++;
    }

    /** The step of the log scale for the next scored step. */
    double step() {
        return decaySamples == 0
                ? learningRate
                : learningRate * Math.max(1.0, Math.sqrt(decaySamples / (samples + 1.0)));
    }

    @Override
    public double target() {
        return target;
    }

    @Override
    public double scale() {
        return Math.exp(logScale);
    }

    @Override
    public long samples() {
        return samples;
    }

    /**
     * Whether this side is as narrow as it can be (at its smallest scale): it misses less than its target
     * because the values rarely fall on its side at all (a market that after a rise seldom rises again).
     */
    @Override
    public boolean saturated() {
        return logScale <= Math.log(2 * MIN_SCALE) && !Double.isNaN(missRate);
    }

    @Override
    public double missRate() {
        return missRate;
    }

    @Override
    public CalibratorState state() {
        return new CalibratorState(
                QUANTILE_TRACKING, scale(), samples, new double[0], 0, Double.isNaN(missRate) ? null : missRate);
    }
}
