package io.tsfm.streams.forecast;

import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link MarketState} (a state store value). */
public final class MarketStateSerde extends JsonSerde<MarketState> {
    public MarketStateSerde() {
        super(MarketState.class);
    }
}
