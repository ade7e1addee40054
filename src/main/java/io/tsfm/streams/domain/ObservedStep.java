package io.tsfm.streams.domain;

/** A step that had at least one tick: its start on the grid and its close value. */
public record ObservedStep(long stepStartMs, StepClose close) {}
