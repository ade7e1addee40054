package io.tsfm.streams.domain;

/**
 * One validated market tick: the probability of YES for a market at an event time. Optional fields are
 * null when the source did not send them.
 */
public record Tick(
        String marketId, long tsMs, double pYes, String liquidityBucket, Double volume24h, Double openInterest) {}
