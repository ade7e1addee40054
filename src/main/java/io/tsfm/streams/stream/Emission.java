package io.tsfm.streams.stream;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;

/**
 * What the forecast processor forwards, routed to its topic by type: a served forecast, a fallback event,
 * a score, or a shadow forecast (the rollout candidate's answer, never served).
 */
public record Emission(ForecastRecord forecast, FallbackEvent fallback, ForecastScore score, ForecastRecord shadow) {
    public static Emission of(final ForecastRecord forecast) {
        return new Emission(forecast, null, null, null);
    }

    public static Emission of(final FallbackEvent fallback) {
        return new Emission(null, fallback, null, null);
    }

    public static Emission of(final ForecastScore score) {
        return new Emission(null, null, score, null);
    }

    public static Emission shadowOf(final ForecastRecord shadow) {
        return new Emission(null, null, null, shadow);
    }

    public boolean isForecast() {
        return forecast != null;
    }

    public boolean isFallback() {
        return fallback != null;
    }

    public boolean isScore() {
        return score != null;
    }
}
