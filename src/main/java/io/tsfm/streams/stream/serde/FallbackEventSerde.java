package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link FallbackEvent}. */
public final class FallbackEventSerde extends JsonSerde<FallbackEvent> {
    public FallbackEventSerde() {
        super(FallbackEvent.class);
    }
}
