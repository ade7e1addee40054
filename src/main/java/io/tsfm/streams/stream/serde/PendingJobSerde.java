package io.tsfm.streams.stream.serde;

import io.tsfm.streams.json.JsonSerde;
import io.tsfm.streams.stream.PendingJob;

/** JSON serde of {@link PendingJob} (a state store value). */
public final class PendingJobSerde extends JsonSerde<PendingJob> {
    public PendingJobSerde() {
        super(PendingJob.class);
    }
}
