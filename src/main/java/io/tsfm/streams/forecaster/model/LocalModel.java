package io.tsfm.streams.forecaster.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model the local forecaster can serve. Exists so that the HTTP layer treats the exact tollama
 * {@code mock} and the genuine statistical model the same way, each in its own small class.
 */
public interface LocalModel {

    /** The name clients pull and forecast with, e.g. {@code "mock"}. */
    String name();

    /** The model family shown in tags, show and models listings. */
    String family();

    /** The value of {@code usage.runner} in forecast responses. */
    String runner();

    /** One line for listings and logs. */
    String description();

    /**
     * The licence id reported by show and the models listing (lower-case SPDX, as tollama writes it).
     * Our own models are code of this project, Apache-2.0; {@code mock} reimplements tollama's mock rather
     * than shipping it (tollama's registry lists its own mock as MIT).
     */
    default String licenseType() {
        return "apache-2.0";
    }

    /** Forecasts one series. Inputs are already validated (finite target, horizon > 0). */
    SeriesForecast forecast(ModelInput input);

    /** The {@code usage} object of a response covering {@code seriesCount} series. */
    default Map<String, Object> usage(final int seriesCount, final int horizon) {
        final Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("runner", runner());
        usage.put("series_count", seriesCount);
        usage.put("horizon", horizon);
        return usage;
    }
}
