package io.tsfm.streams.cli;

import io.tsfm.streams.replay.ReplayRequest;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The options of a replayed range, shared by {@code replay} and {@code backtest}. */
final class ReplayRangeOptions {
    @Option(
            names = "--from",
            required = true,
            description = "First boundary to forecast (ISO-8601, e.g. " + "2026-11-20T00:00:00Z).")
    String from;

    @Option(
            names = "--to",
            description =
                    "Last boundary to forecast (ISO-8601); its forecasts are scored from the "
                            + "ticks of the following horizon. Required by backtest; replay's default: the end of the tick topic.")
    String to;

    @Option(
            names = "--output-prefix",
            description = "Prefix of the replay's output topics, e.g. bt-chronos-. "
                    + "Required by replay; backtest's default: backtest-<epoch s>-.")
    String outputPrefix;

    @Option(
            names = "--warmup-hours",
            defaultValue = "25",
            description = "Ticks read before --from: contexts and "
                    + "calibration are rebuilt from them (default: ${DEFAULT-VALUE}).")
    double warmupHours;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "120",
            description = "Give up after (default: ${DEFAULT-VALUE}).")
    double timeoutMinutes;

    /**
     * The request these options describe.
     *
     * @param defaultPrefix the prefix without {@code --output-prefix}; null makes it required
     * @param toRequired    whether the command needs {@code --to}
     * @throws IllegalArgumentException naming what is wrong
     * @throws java.time.format.DateTimeParseException for a bound that is not ISO-8601
     */
    ReplayRequest request(final String defaultPrefix, final boolean toRequired, final String applicationId) {
        if (toRequired && to == null) {
            throw new IllegalArgumentException("--to is required");
        }
        final String prefix = outputPrefix != null ? outputPrefix : defaultPrefix;
        if (prefix == null) {
            throw new IllegalArgumentException("--output-prefix is required");
        }
        return new ReplayRequest(
                Instant.parse(from),
                to == null ? null : Instant.parse(to),
                prefix,
                applicationId,
                Duration.ofMinutes(Math.round(warmupHours * 60)),
                Duration.ofSeconds(Math.round(timeoutMinutes * 60)));
    }
}
