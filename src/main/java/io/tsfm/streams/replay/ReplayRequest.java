package io.tsfm.streams.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * What a replay reprocesses: boundaries in [from, to] (to open-ended when null), output topics named
 * with a prefix, state warmed up from {@code warmup} of ticks before {@code from}.
 */
public record ReplayRequest(
        Instant from, Instant to, String outputPrefix, String applicationId, Duration warmup, Duration timeout) {
    public ReplayRequest {
        if (from == null) {
            throw new IllegalArgumentException("--from is required");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        if (outputPrefix == null || outputPrefix.isBlank() || !outputPrefix.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--output-prefix must be non-empty and use only letters, digits, . _ -");
        }
        if (warmup.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--warmup must be >= 0 and --timeout > 0");
        }
    }
}
