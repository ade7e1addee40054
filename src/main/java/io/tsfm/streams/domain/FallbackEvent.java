package io.tsfm.streams.domain;

/** One record of the fallback-events topic: why a market's forecast at as_of came from the baseline. */
public record FallbackEvent(
        int schemaVersion,
        String marketId,
        String asOfTs,
        String reason,
        String detail,
        String breakerState,
        String modelName,
        int inputLen) {
    public static final int SCHEMA_VERSION = 1;
}
