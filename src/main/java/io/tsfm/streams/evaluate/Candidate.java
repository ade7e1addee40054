package io.tsfm.streams.evaluate;

import io.tsfm.streams.context.MarketContext;

/** One forecaster under evaluation; the harness treats the model route and the baseline alike. */
public interface Candidate {

    /** The name in the results table. */
    String name();

    /**
     * The published forecast for one market context: probability-space quantile paths
     * {@code [level][step]} after the processor's post-processing.
     */
    double[][] forecast(String marketId, MarketContext context);
}
