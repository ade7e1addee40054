package io.tsfm.streams.stream.serde;

import io.tsfm.streams.json.JsonSerde;
import io.tsfm.streams.stream.CycleState;

/** JSON serde of {@link CycleState} (a state store value). */
public final class CycleStateSerde extends JsonSerde<CycleState> {
    public CycleStateSerde() {
        super(CycleState.class);
    }
}
