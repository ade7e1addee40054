package io.tsfm.streams.context;

import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import java.util.List;

/**
 * Builds a {@link MarketContext} from the observed steps of one market: the last {@code inputLen} grid
 * closes up to as_of, forward-filled, seeded from a short look-back before the window, gaps measured.
 */
public final class ContextAssembler {
    private final Grid grid;
    private final int inputLen;
    private final int lookbackSteps;

    /**
     * @param lookbackSteps steps before the window whose last value may seed the forward fill of the
     *                      window's leading empty steps
     */
    public ContextAssembler(final Grid grid, final int inputLen, final int lookbackSteps) {
        if (inputLen < 1 || lookbackSteps < 0) {
            throw new IllegalArgumentException("inputLen must be >= 1 and lookbackSteps >= 0");
        }
        this.grid = grid;
        this.inputLen = inputLen;
        this.lookbackSteps = lookbackSteps;
    }

    /** Earliest step start the caller must fetch for a cycle at {@code asOfMs}. */
    public long fetchFromStepStart(final long asOfMs) {
        return windowFirstStepStart(asOfMs) - (long) lookbackSteps * grid.stepMs();
    }

    /** Latest step start that belongs to the context at {@code asOfMs} (the step closing at as_of). */
    public long fetchToStepStart(final long asOfMs) {
        return asOfMs - grid.stepMs();
    }

    private long windowFirstStepStart(final long asOfMs) {
        return asOfMs - (long) inputLen * grid.stepMs();
    }

    /**
     * The market's model context as of a boundary, from its observed steps.
     *
     * @param observed the market's observed steps between {@link #fetchFromStepStart} and
     *                 {@link #fetchToStepStart}, ascending by step start
     * @return the context, or null when the market has no tick inside the window (it is not active)
     */
    public MarketContext assemble(final long asOfMs, final List<ObservedStep> observed) {
        if (asOfMs % grid.stepMs() != 0) {
            throw new IllegalArgumentException("as_of must be on the grid");
        }
        final long step = grid.stepMs();
        final long windowStart = windowFirstStepStart(asOfMs);
        final long lastStart = fetchToStepStart(asOfMs);
        ObservedStep seed = null;
        int firstInWindow = -1;
        for (int i = 0; i < observed.size(); i++) {
            final long start = observed.get(i).stepStartMs();
            if (start > lastStart) {
                break;
            }
            if (start < windowStart) {
                seed = observed.get(i);
            } else if (firstInWindow < 0) {
                firstInWindow = i;
            }
        }
        if (firstInWindow < 0) {
            return null;
        }
        final long firstValueStart =
                seed != null ? windowStart : observed.get(firstInWindow).stepStartMs();
        final int length = (int) ((lastStart - firstValueStart) / step) + 1;
        final double[] values = new double[length];
        int next = firstInWindow;
        double current = seed != null ? seed.close().p() : Double.NaN;
        long previousObservedStart = seed != null ? seed.stepStartMs() : Long.MIN_VALUE;
        long maxGap = 0;
        int observedCount = 0;
        StepClose last = seed != null ? seed.close() : null;
        for (int i = 0; i < length; i++) {
            final long start = firstValueStart + (long) i * step;
            if (next < observed.size() && observed.get(next).stepStartMs() == start) {
                final StepClose close = observed.get(next).close();
                current = close.p();
                if (previousObservedStart != Long.MIN_VALUE) {
                    maxGap = Math.max(maxGap, start - previousObservedStart);
                }
                previousObservedStart = start;
                last = close;
                observedCount++;
                next++;
            }
            values[i] = current;
        }
        return new MarketContext(asOfMs, step, values, observedCount, maxGap, last.tsMs(), last.bucket());
    }
}
