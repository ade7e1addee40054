package io.tsfm.streams.evaluate;

/** One forecaster's line in the results: scores over all 12 steps and over the last step alone. */
public record CandidateScores(String name, Scores overall, Scores lastStep) {
}
