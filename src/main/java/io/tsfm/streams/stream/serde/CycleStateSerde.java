package io.tsfm.streams.stream.serde;

import io.tsfm.streams.cycle.CycleState;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link CycleState} (a state store value). */
public final class CycleStateSerde extends JsonSerde<CycleState> {
    public CycleStateSerde() {
        super(CycleState.class);
    }
}
