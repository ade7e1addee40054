package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.json.JsonSerde;

/** Serde of validated ticks on the internal re-key topic. */
public final class TickSerde extends JsonSerde<Tick> {
    public TickSerde() {
        super(Tick.class);
    }
}
