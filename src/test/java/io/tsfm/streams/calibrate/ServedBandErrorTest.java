package io.tsfm.streams.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.forecast.QuantilePaths;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServedBandErrorTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private final ServedBandError raw = new ServedBandError(new BandScaler(Transform.none(), LEVELS), 0.02, 0.60);

    @Test
    void isZeroWhenTheMinimumWidthBandAlreadyCoversTheValue() {
        // the band is 0.01 wide, so post-processing serves 0.49..0.51 at any scale below 2
        assertThat(raw.error(new double[] {0.495, 0.50, 0.505}, 0.509)).isZero();
    }

    @Test
    void isTheBaseBandErrorWhenTheScaledBandIsWithinTheWidthBounds() {
        assertThat(raw.error(new double[] {0.495, 0.50, 0.505}, 0.52)).isCloseTo(4.0, within(1e-12));
        assertThat(raw.error(new double[] {0.30, 0.50, 0.70}, 0.78)).isCloseTo(1.4, within(1e-12));
    }

    @Test
    void isTheScaleThatReachesTheMinimumWidthWhenOnlyTheWidenedBandCoversTheValue() {
        // lower half 0.1 wide, upper 0.0005: the band is 0.02 wide at scale 0.02 / 0.1005, reaching down to 0.4801
        assertThat(raw.error(new double[] {0.40, 0.50, 0.5005}, 0.4895)).isCloseTo(0.02 / 0.1005, within(1e-9));
    }

    @Test
    void isTheScaleThatReachesTheMaximumWidthWhenOnlyTheClampedBandCoversTheValue() {
        // scaled by 6 the band would be 0.2..1 (0.8 wide); it is 0.6 wide at scale 2, then clamped to 0.2..0.8
        assertThat(raw.error(new double[] {0.45, 0.50, 0.90}, 0.20)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void isTheBaseBandErrorWhenNoServedBandCoversTheValue() {
        assertThat(raw.error(new double[] {0.30, 0.50, 0.70}, 0.95)).isCloseTo(2.25, within(1e-12));
    }

    @Test
    void agreesWithTheRealPostProcessingOnTwoThousandLogitBands() {
        final BandScaler scaler = new BandScaler(Transform.logit(), LEVELS);
        final ServedBandError served = new ServedBandError(scaler, 0.02, 0.60);
        final BandCalibration calibration = new BandCalibration(scaler);
        final QuantileSanitizer sanitizer = QuantileSanitizer.defaults();
        final Random random = new Random(7);
        int positive = 0;
        for (int i = 0; i < 2_000; i++) {
            final double centre = 0.02 + 0.96 * random.nextDouble();
            final double x = Math.log(centre / (1 - centre));
            final double below = Math.exp(-6 + 7 * random.nextDouble());
            final double above = Math.exp(-6 + 7 * random.nextDouble());
            final double[] band = {sigmoid(x - below), centre, sigmoid(x + above)};
            final double y = random.nextDouble();
            final double error = served.error(band, y);
            final boolean coveredAtError = covers(sanitizer, calibration, band, Math.max(error, 1e-3) * (1 + 1e-9), y);
            if (error == 0.0) {
                assertThat(covers(sanitizer, calibration, band, 1e-3, y)).as("case %d", i).isTrue();
                continue;
            }
            positive++;
            if (coveredAtError) {
                assertThat(covers(sanitizer, calibration, band, error * (1 - 1e-6), y)).as("case %d", i).isFalse();
            } else {
                // no served band covers y: the error is the base-band error, beyond the maximum-width scale
                assertThat(error).as("case %d", i).isCloseTo(scaler.error(band, y), within(1e-12));
                assertThat(covers(sanitizer, calibration, band, 1e3, y)).as("case %d", i).isFalse();
            }
        }
        assertThat(positive).isGreaterThan(1_000);
    }

    private static boolean covers(final QuantileSanitizer sanitizer, final BandCalibration calibration,
                                  final double[] band, final double scale, final double y) {
        final QuantilePaths base = new QuantilePaths(LEVELS, new double[][] {{band[0]}, {band[1]}, {band[2]}});
        final CalibrationSnapshot snapshot = new CalibrationSnapshot("test", "high|moving", new double[] {scale},
                new long[] {1}, 1);
        final QuantilePaths served = sanitizer.sanitize(calibration.apply(base, snapshot)).paths();
        return y >= served.value(0, 0) && y <= served.value(2, 0);
    }

    private static double sigmoid(final double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
