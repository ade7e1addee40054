package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.OpenForecast;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link OpenForecast} (a state store value). */
public final class OpenForecastSerde extends JsonSerde<OpenForecast> {
    public OpenForecastSerde() {
        super(OpenForecast.class);
    }
}
