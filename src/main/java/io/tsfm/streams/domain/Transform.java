package io.tsfm.streams.domain;

/**
 * The space the model sees: logit of the clipped probability (the default), or the raw probability.
 * Forward maps a probability to model space, inverse maps a model value back to a probability.
 */
public record Transform(Space space, double eps) {

    /** Model-space choice. */
    public enum Space {
        LOGIT,
        NONE
    }

    public static final double DEFAULT_EPS = 1e-6;

    public Transform {
        if (space == null) {
            throw new IllegalArgumentException("transform space is required");
        }
        if (!(eps > 0.0 && eps < 0.5)) {
            throw new IllegalArgumentException("transform eps must be in (0, 0.5): " + eps);
        }
    }

    public static Transform logit() {
        return new Transform(Space.LOGIT, DEFAULT_EPS);
    }

    public static Transform none() {
        return new Transform(Space.NONE, DEFAULT_EPS);
    }

    /** Probability to model space. */
    public double forward(final double p) {
        if (space == Space.NONE) {
            return p;
        }
        final double c = Math.min(Math.max(p, eps), 1.0 - eps);
        return Math.log(c / (1.0 - c));
    }

    /** Model space back to probability space (sigmoid for logit; identity otherwise). */
    public double inverse(final double x) {
        if (space == Space.NONE) {
            return x;
        }
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        final double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** The name used in configuration and in forecast meta ("logit" or "none"). */
    public String spaceName() {
        return space.name().toLowerCase(java.util.Locale.ROOT);
    }
}
