package io.tsfm.streams.simulate;

/**
 * A small SplitMix64 generator with StrictMath-based distributions: the simulator owns every bit of
 * its randomness so the same seed gives byte-identical ticks on any JVM version or platform.
 */
final class SimRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

    SimRandom(final long seed) {
        this.state = seed;
    }

    /** A generator for stream {@code stream} of {@code seed}; different streams are independent. */
    static SimRandom forStream(final long seed, final long stream) {
        return new SimRandom(mix(seed ^ mix(stream + GOLDEN_GAMMA)));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [min, max). */
    double uniform(final double min, final double max) {
        return min + (max - min) * nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(final int bound) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    boolean chance(final double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal (Box-Muller, one spare kept). */
    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        final double u1 = 1.0 - nextDouble();
        final double u2 = nextDouble();
        final double radius = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        final double angle = 2.0 * StrictMath.PI * u2;
        spareGaussian = radius * StrictMath.sin(angle);
        hasSpare = true;
        return radius * StrictMath.cos(angle);
    }

    /** Exponential with the given mean. */
    double exponential(final double mean) {
        return -mean * StrictMath.log(1.0 - nextDouble());
    }

    private static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
