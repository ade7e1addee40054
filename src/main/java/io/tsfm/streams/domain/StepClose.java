package io.tsfm.streams.domain;

/**
 * What the step store keeps per market and step: the last probability seen in the step, the event time
 * of that tick (so an out-of-order older tick never replaces it), and the liquidity bucket it carried.
 */
public record StepClose(double p, long tsMs, String bucket) {

    /** The newer of this and a tick's values (ties go to the tick: the later arrival wins). */
    public StepClose merge(final double pYes, final long tickTsMs, final String tickBucket) {
        if (tickTsMs < tsMs) {
            return this;
        }
        return new StepClose(pYes, tickTsMs, tickBucket != null ? tickBucket : bucket);
    }
}
