package io.tsfm.streams.context;

import io.tsfm.streams.json.JsonSerde;

/** Serde of the step store's values. */
public final class StepCloseSerde extends JsonSerde<StepClose> {
    public StepCloseSerde() {
        super(StepClose.class);
    }
}
