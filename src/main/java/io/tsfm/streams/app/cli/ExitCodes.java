package io.tsfm.streams.app.cli;

/** Process exit codes shared by every command, so scripts can tell a bad config from an outage. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** The run failed (streams went to ERROR). */
    public static final int FAILED = 1;
    /** A bad setting or argument; the message names it. */
    public static final int CONFIG = 2;
    /** A dependency (Kafka, tollama) could not be reached at start-up. */
    public static final int UNAVAILABLE = 3;
    /** A configured model's licence is not on model.license.allowlist, or cannot be determined. */
    public static final int LICENSE_REFUSED = 4;
}
