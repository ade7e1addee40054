package io.tsfm.streams.score;

/** Groups horizon steps for metric labels (1-3, 4-6, 7-12, 13+), so series stay few while horizons differ. */
public final class HorizonBucket {
    private HorizonBucket() {}

    /** The bucket of a 1-based horizon step. */
    public static String of(final int step) {
        if (step < 1) {
            throw new IllegalArgumentException("steps are 1-based: " + step);
        }
        return step <= 3 ? "1-3" : step <= 6 ? "4-6" : step <= 12 ? "7-12" : "13+";
    }
}
