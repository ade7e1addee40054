package io.tsfm.streams.forecast;

import io.tsfm.streams.json.JsonSerde;

/** JSON serde of {@link ForecastRecord}. */
public final class ForecastRecordSerde extends JsonSerde<ForecastRecord> {
    public ForecastRecordSerde() {
        super(ForecastRecord.class);
    }
}
