package io.tsfm.streams.stream.serde;

import io.tsfm.streams.drift.DriftState;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link DriftState} (the {@code input-drift} store's value). */
public final class DriftStateSerde extends JsonSerde<DriftState> {
    public DriftStateSerde() {
        super(DriftState.class);
    }
}
