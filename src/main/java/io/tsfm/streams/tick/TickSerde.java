package io.tsfm.streams.tick;

import io.tsfm.streams.json.JsonSerde;

/** Serde of validated ticks on the internal re-key topic. */
public final class TickSerde extends JsonSerde<Tick> {
    public TickSerde() {
        super(Tick.class);
    }
}
