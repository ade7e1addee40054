package io.tsfm.streams.drift;

import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.Transform;

/**
 * What one market contributes to the drift histograms at one cycle: the newest value of its model
 * input in logit space and its change over the last step. Always logit with eps 1e-6, whatever
 * transform the model is configured with, so the fixed bins keep their meaning.
 *
 * @param level  logit of the newest value
 * @param change logit change from the previous step, or NaN when the context has a single value
 */
public record InputFeatures(double level, double change) {

    private static final Transform LOGIT = Transform.logit();

    public InputFeatures {
        if (!Double.isFinite(level) || Double.isInfinite(change)) {
            throw new IllegalArgumentException("features must be finite: level " + level + ", change " + change);
        }
    }

    /** Features of a probability {@code p} that followed {@code previousP} (NaN when there is none). */
    public static InputFeatures of(final double previousP, final double p) {
        final double level = LOGIT.forward(p);
        return new InputFeatures(level, Double.isNaN(previousP) ? Double.NaN : level - LOGIT.forward(previousP));
    }

    /** Features of the context's newest value, the one this cycle adds to what the model sees. */
    public static InputFeatures ofContext(final MarketContext context) {
        final double[] values = context.values();
        if (values.length == 0) {
            throw new IllegalArgumentException("empty context");
        }
        final double previous = values.length > 1 ? values[values.length - 2] : Double.NaN;
        return of(previous, values[values.length - 1]);
    }

    public boolean hasChange() {
        return !Double.isNaN(change);
    }

    /** The value of {@code feature}, NaN when absent. */
    public double value(final Feature feature) {
        return feature == Feature.LOGIT_LEVEL ? level : change;
    }
}
