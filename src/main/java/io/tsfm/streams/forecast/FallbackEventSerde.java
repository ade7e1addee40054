package io.tsfm.streams.forecast;

import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link FallbackEvent}. */
public final class FallbackEventSerde extends JsonSerde<FallbackEvent> {
    public FallbackEventSerde() {
        super(FallbackEvent.class);
    }
}
