package io.tsfm.streams.model;

/**
 * One series of a model request: a unique id, ISO-8601 grid timestamps and model-space values. The
 * timestamps array may be shared by every series of a cycle: nobody writes to it.
 */
public record SeriesInput(String id, String[] timestamps, double[] target) {
    public SeriesInput {
        if (timestamps.length != target.length) {
            throw new IllegalArgumentException("timestamps and target must have the same length");
        }
    }
}
