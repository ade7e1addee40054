package io.tsfm.streams.app;

import java.time.Duration;

/** The one-line error of a tool whose broker does not answer in time, worded alike for every command. */
public final class NoBrokerAnswer {
    private NoBrokerAnswer() {}

    /** "no answer from the broker at HOST:PORT within N s", with the admin client's timeout as cause. */
    public static IllegalStateException of(
            final String bootstrapServers, final Duration timeout, final Throwable cause) {
        return new IllegalStateException(
                "no answer from the broker at " + bootstrapServers + " within " + timeout.toSeconds() + " s", cause);
    }
}
