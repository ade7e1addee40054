package io.tsfm.streams.stream.serde;

import io.tsfm.streams.calibrate.CalibratorState;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link CalibratorState} (the {@code calibration} store's value). */
public final class CalibratorStateSerde extends JsonSerde<CalibratorState> {
    public CalibratorStateSerde() {
        super(CalibratorState.class);
    }
}
