package io.tsfm.streams.tick;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.domain.TickRejection;

/**
 * The validator's verdict on one input record, carried to the branch that handles it: a valid tick
 * (possibly needing a re-key because the record had no key), or a rejection with the original bytes.
 */
public record TickCheck(Tick tick, TickRejection rejection, byte[] rawKey, byte[] rawValue, boolean needsRekey) {

    public static TickCheck valid(final Tick tick, final boolean needsRekey) {
        return new TickCheck(tick, null, null, null, needsRekey);
    }

    public static TickCheck rejected(final TickRejection rejection, final byte[] rawKey, final byte[] rawValue) {
        return new TickCheck(null, rejection, rawKey, rawValue, false);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
