package io.tsfm.streams.forecast;

import io.tsfm.streams.score.ForecastScore;

/** What the forecast processor forwards: a forecast, a fallback event or a score, routed to its topic by type. */
public record Emission(ForecastRecord forecast, FallbackEvent fallback, ForecastScore score) {
    public static Emission of(final ForecastRecord forecast) {
        return new Emission(forecast, null, null);
    }

    public static Emission of(final FallbackEvent fallback) {
        return new Emission(null, fallback, null);
    }

    public static Emission of(final ForecastScore score) {
        return new Emission(null, null, score);
    }

    public boolean isForecast() {
        return forecast != null;
    }

    public boolean isFallback() {
        return fallback != null;
    }
}
