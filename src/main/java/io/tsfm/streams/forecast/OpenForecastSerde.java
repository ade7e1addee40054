package io.tsfm.streams.forecast;

import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link OpenForecast} (a state store value). */
public final class OpenForecastSerde extends JsonSerde<OpenForecast> {
    public OpenForecastSerde() {
        super(OpenForecast.class);
    }
}
