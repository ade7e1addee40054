package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.json.JsonSerde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde of {@link ForecastRecord}. A stream thread writes each forecast twice in a row, to the
 * {@code latest-forecast} store and to {@code tsfm-forecasts}: the serializer keeps, per thread, the last
 * record it wrote (the same object, compared by identity; records are never changed once made) and hands its
 * bytes out again rather than writing the JSON twice. Nothing changes the bytes it returns.
 */
public final class ForecastRecordSerde extends JsonSerde<ForecastRecord> {
    private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

    public ForecastRecordSerde() {
        super(ForecastRecord.class);
    }

    @Override
    @SuppressWarnings("ReferenceEquality") // identity on purpose: equal content would cost the comparison it saves
    public Serializer<ForecastRecord> serializer() {
        final Serializer<ForecastRecord> json = super.serializer();
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            final Last last = LAST.get();
            if (last.record != data) {
                last.bytes = json.serialize(topic, data);
                last.record = data;
            }
            return last.bytes;
        };
    }

    /** The last record a thread wrote and its JSON. */
    private static final class Last {
        private ForecastRecord record;
        private byte[] bytes;
    }
}
