package io.tsfm.streams.model;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.config.AppConfig;
import java.net.URI;
import java.time.Duration;

/** Everything the tollama client needs, lifted out of {@link AppConfig} once. */
public record TollamaSettings(
        URI baseUrl,
        String apiKey,
        String model,
        int horizon,
        double[] levels,
        String freqAlias,
        long timeoutMs,
        int maxRetries,
        long backoffMs,
        long backoffMaxMs,
        long jitterMs,
        int maxInFlight,
        int breakerFailureThreshold,
        long breakerOpenMs,
        int breakerHalfOpenProbes) {

    public static TollamaSettings from(final AppConfig config) {
        return new TollamaSettings(
                URI.create(stripSlash(config.getString(TOLLAMA_URL))),
                config.tollamaApiKey(),
                config.getString(TOLLAMA_MODEL),
                config.getInt(HORIZON_STEPS),
                config.quantiles(),
                pandasAlias(config.step()),
                config.getLong(TOLLAMA_TIMEOUT_MS),
                config.getInt(TOLLAMA_RETRY_MAX),
                config.getLong(TOLLAMA_RETRY_BACKOFF_MS),
                config.getLong(TOLLAMA_RETRY_BACKOFF_MAX_MS),
                config.getLong(TOLLAMA_RETRY_JITTER_MS),
                config.getInt(TOLLAMA_MAX_IN_FLIGHT),
                config.getInt(BREAKER_FAILURE_THRESHOLD),
                config.getLong(BREAKER_OPEN_MS),
                config.getInt(BREAKER_HALF_OPEN_PROBES));
    }

    /** These settings for another model, on another server when {@code url} is set (a rollout's candidate). */
    public TollamaSettings forModel(final String otherModel, final String url) {
        return new TollamaSettings(
                url == null || url.isBlank() ? baseUrl : URI.create(stripSlash(url)),
                apiKey,
                otherModel,
                horizon,
                levels,
                freqAlias,
                timeoutMs,
                maxRetries,
                backoffMs,
                backoffMaxMs,
                jitterMs,
                maxInFlight,
                breakerFailureThreshold,
                breakerOpenMs,
                breakerHalfOpenProbes);
    }

    /** The pandas frequency alias tollama expects: 5 minutes is "5min" (pandas reads "5m" as months). */
    public static String pandasAlias(final Duration step) {
        if (step.toMinutes() % 60 == 0) {
            return step.toHours() + "h";
        }
        return step.toMinutes() + "min";
    }

    private static String stripSlash(final String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "TollamaSettings[url=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + "]";
    }
}
