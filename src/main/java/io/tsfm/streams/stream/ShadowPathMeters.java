package io.tsfm.streams.stream;

/** What the shadow path counts, declared here and implemented above the stream (the ops layer's meters). */
public interface ShadowPathMeters {

    /** A shadow forecast of the candidate: outcome "ok" or the fallback reason its path would have served. */
    void forecast(String model, String outcome);

    /**
     * A shadow forecast compared with the served one: whether their last-step medians match, and both call
     * latencies when both made a call (else null).
     */
    void comparison(String model, String segment, boolean match, Long servedMs, Long shadowMs);
}
