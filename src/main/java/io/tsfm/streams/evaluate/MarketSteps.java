package io.tsfm.streams.evaluate;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.domain.Tick;
import java.util.ArrayList;
import java.util.List;

/**
 * One market's step closes over a simulated span, kept the way the processor's step store keeps them
 * ({@link StepClose#merge} per grid step), so the evaluation sees the same contexts and can read the
 * realised, forward-filled grid values that the forecasts are scored against.
 */
public final class MarketSteps {

    private final Grid grid;
    private final long firstStepStartMs;
    private final StepClose[] closes;

    /** @param firstStepStartMs start of the first step of the span (on the grid); {@code steps} steps follow */
    public MarketSteps(final Grid grid, final long firstStepStartMs, final int steps) {
        if (firstStepStartMs % grid.stepMs() != 0) {
            throw new IllegalArgumentException("the span must start on the grid");
        }
        this.grid = grid;
        this.firstStepStartMs = firstStepStartMs;
        this.closes = new StepClose[steps];
    }

    /** Records a tick as the processor's step store does: the newest tick of a step wins. */
    public void add(final Tick tick) {
        final int i = index(grid.stepStart(tick.tsMs()));
        if (i < 0 || i >= closes.length) {
            throw new IllegalArgumentException("tick at " + tick.tsMs() + " is outside the span");
        }
        final StepClose existing = closes[i];
        closes[i] = existing == null
                ? new StepClose(tick.pYes(), tick.tsMs(), tick.liquidityBucket())
                : existing.merge(tick.pYes(), tick.tsMs(), tick.liquidityBucket());
    }

    /** The observed steps whose start is in [fromStepStartMs, toStepStartMs], ascending: a store fetch. */
    public List<ObservedStep> observed(final long fromStepStartMs, final long toStepStartMs) {
        final int from = Math.max(0, index(fromStepStartMs));
        final int to = Math.min(closes.length - 1, index(toStepStartMs));
        final List<ObservedStep> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (closes[i] != null) {
                out.add(new ObservedStep(firstStepStartMs + i * grid.stepMs(), closes[i]));
            }
        }
        return out;
    }

    /**
     * The grid value at the close {@code closeMs}: the last probability seen before it, forward-filled
     * from earlier steps; NaN when the market had not ticked yet.
     */
    public double valueAtClose(final long closeMs) {
        for (int i = Math.min(closes.length - 1, index(closeMs - grid.stepMs())); i >= 0; i--) {
            if (closes[i] != null) {
                return closes[i].p();
            }
        }
        return Double.NaN;
    }

    private int index(final long stepStartMs) {
        return (int) Math.floorDiv(stepStartMs - firstStepStartMs, grid.stepMs());
    }
}
