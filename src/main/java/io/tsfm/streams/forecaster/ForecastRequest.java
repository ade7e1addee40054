package io.tsfm.streams.forecaster;

import java.util.List;

/**
 * A validated forecast request (the body of {@code /v1/forecast} or {@code /api/forecast}).
 *
 * @param quantiles      requested levels, strictly ascending; empty when none were requested
 * @param timeoutSeconds the server-side timeout the client asked for, or null
 * @param stream         {@code /api/forecast} only: NDJSON (default) or one JSON object
 */
record ForecastRequest(
        String model,
        int horizon,
        double[] quantiles,
        List<SeriesInput> series,
        Double timeoutSeconds,
        boolean stream) {

    ForecastRequest {
        quantiles = quantiles.clone();
        series = List.copyOf(series);
    }
}
