package io.tsfm.streams.canary;

import java.util.List;

/** Windows ready for {@link CanaryGate#evaluate}: all of the same length, oldest first. */
public record MetricsInput(int windowMinutes, List<Window> windows) {

    public MetricsInput {
        windows = List.copyOf(windows);
    }
}
