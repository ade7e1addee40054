package io.tsfm.streams.stream.serde;

import io.tsfm.streams.domain.StepClose;
import io.tsfm.streams.json.CompactSerde;
import io.tsfm.streams.stream.MarketState;
import java.nio.ByteBuffer;

/**
 * Serde of {@link MarketState}, written for every tick since the state holds the open step:
 * {@link CompactSerde}'s format byte, first seen and last tick (8 bytes each), a flag byte (1: an open step
 * follows), then the open step's start (8 bytes) and its close in {@link StepCloseSerde}'s layout. JSON
 * values of earlier versions are still read.
 */
public final class MarketStateSerde extends CompactSerde<MarketState> {
    private static final int FIXED = 1 + 2 * Long.BYTES + 1;

    public MarketStateSerde() {
        super(MarketState.class);
    }

    @Override
    protected byte[] encode(final MarketState state) {
        final StepClose open = state.open();
        if (open == null || state.openStepMs() == null) {
            return ByteBuffer.allocate(FIXED)
                    .put(FORMAT_V1)
                    .putLong(state.firstSeenMs())
                    .putLong(state.lastTickMs())
                    .put((byte) 0)
                    .array();
        }
        final byte[] bucket = utf8(open.bucket());
        final ByteBuffer out = ByteBuffer.allocate(FIXED + Long.BYTES + StepCloseSerde.CLOSE_FIXED + bucket.length)
                .put(FORMAT_V1)
                .putLong(state.firstSeenMs())
                .putLong(state.lastTickMs())
                .put((byte) 1)
                .putLong(state.openStepMs());
        return StepCloseSerde.putClose(out, open, bucket).array();
    }

    @Override
    protected MarketState decode(final ByteBuffer in) {
        final long firstSeenMs = in.getLong();
        final long lastTickMs = in.getLong();
        if (in.get() != 1) {
            return new MarketState(firstSeenMs, lastTickMs);
        }
        final long openStepMs = in.getLong();
        return new MarketState(firstSeenMs, lastTickMs, openStepMs, StepCloseSerde.getClose(in));
    }
}
