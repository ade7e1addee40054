package io.tsfm.streams.domain;

import java.util.Locale;

/** Where a realised value fell relative to a forecast's outer band (lowest to highest quantile, inclusive). */
public enum BandOutcome {
    INSIDE,
    BELOW,
    ABOVE;

    /** The lower-case name used in score records and metric labels. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
