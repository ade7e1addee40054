package io.tsfm.streams.evaluate;

/** One horizon step's scores: every market, moving markets, flat markets. */
public record StepScores(int step, SliceScores all, SliceScores moving, SliceScores flat) {
}
