package io.tsfm.streams.report.analysis;

/** The classes of a regression finding, with the words the report prints for each. */
public enum Cause {
    DATA_PROBLEM("data problem"),
    SERVING_DEGRADATION("serving degradation"),
    INPUT_DRIFT("input drift"),
    MODEL_REGRESSION("model regression");

    private final String label;

    Cause(final String label) {
        this.label = label;
    }

    /** The report's words. */
    public String label() {
        return label;
    }
}
