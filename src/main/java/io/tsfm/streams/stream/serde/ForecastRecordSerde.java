package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link ForecastRecord}. */
public final class ForecastRecordSerde extends JsonSerde<ForecastRecord> {
    public ForecastRecordSerde() {
        super(ForecastRecord.class);
    }
}
