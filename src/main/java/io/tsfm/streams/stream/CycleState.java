package io.tsfm.streams.stream;

/**
 * Per task: the highest tick time seen (this task's stream time) and the last boundary whose cycle ran,
 * so a restart neither repeats nor skips a cycle.
 */
public record CycleState(long lastBoundaryMs, long streamTimeMs) {
}
