package io.tsfm.streams.calibrate;

import java.util.Arrays;

/**
 * Split-conformal scale over a rolling window: the scale is the {@code ceil((n+1) * target)}-th smallest
 * of the last {@code n <= window} normalised errors (the seed's finite-sample level, as an order
 * statistic), so at least {@code target} of exchangeable future errors fall inside. Forgets by window.
 */
public final class RollingConformalQuantile implements OnlineCalibrator {
    private final double target;
    private final double[] recent;
    private int cursor;
    private int filled;
    private long samples;
    private double cachedScale = Double.NaN;

    public RollingConformalQuantile(final double target, final int window, final CalibratorState state) {
        if (!(target > 0.0 && target < 1.0) || window < 1) {
            throw new IllegalArgumentException("target must be in (0,1) and window >= 1");
        }
        this.target = target;
        this.recent = new double[window];
        if (state != null && ROLLING_QUANTILE.equals(state.method())) {
            final int keep = Math.min(state.recent().length, window);
            // oldest first, so the ring continues in order
            final double[] ordered = ordered(state.recent(), state.cursor(), state.samples());
            System.arraycopy(ordered, ordered.length - keep, recent, 0, keep);
            this.filled = keep;
            this.cursor = keep % window;
            this.samples = state.samples();
        }
    }

    private static double[] ordered(final double[] ring, final int cursor, final long samples) {
        if (samples < ring.length) {
            return Arrays.copyOf(ring, (int) samples);
        }
        final double[] out = new double[ring.length];
        for (int i = 0; i < ring.length; i++) {
            out[i] = ring[(cursor + i) % ring.length];
        }
        return out;
    }

    @Override
    public void update(final double error) {
        recent[cursor] = error;
        cursor = (cursor + 1) % recent.length;
        filled = Math.min(filled + 1, recent.length);
        samples++;
        cachedScale = Double.NaN;
    }

    /** The rolling quantile's level is fixed: the served scale and the miss target do not move it. */
    @Override
    public void update(final double error, final double servedScale, final double missTarget) {
        update(error);
    }

    @Override
    public double target() {
        return target;
    }

    @Override
    public double scale() {
        if (filled == 0) {
            return 1.0;
        }
        if (Double.isNaN(cachedScale)) {
            final double[] sorted = Arrays.copyOf(recent, filled);
            Arrays.sort(sorted);
            final int rank = (int) Math.min(filled, Math.ceil((filled + 1) * target));
            cachedScale = sorted[rank - 1];
        }
        return cachedScale;
    }

    @Override
    public long samples() {
        return samples;
    }

    @Override
    public CalibratorState state() {
        final double[] ring = filled == recent.length ? recent.clone() : Arrays.copyOf(recent, filled);
        return new CalibratorState(ROLLING_QUANTILE, scale(), samples, ring, filled == recent.length ? cursor : 0);
    }
}
