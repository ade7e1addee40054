package io.tsfm.streams.forecast;

/** What the forecast processor forwards: a forecast or a fallback event, routed to its topic by type. */
public record Emission(ForecastRecord forecast, FallbackEvent fallback) {
    public static Emission of(final ForecastRecord forecast) {
        return new Emission(forecast, null);
    }

    public static Emission of(final FallbackEvent fallback) {
        return new Emission(null, fallback);
    }

    public boolean isForecast() {
        return forecast != null;
    }
}
