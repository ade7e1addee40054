package io.tsfm.streams.simulate;

/**
 * What a simulation run sent.
 *
 * @param ticks     every record sent, malformed ones included
 * @param malformed the records among them that were deliberately malformed
 */
public record SimulationCounts(long ticks, long malformed) {

    /** Records that carry a well-formed tick. */
    public long valid() {
        return ticks - malformed;
    }
}
