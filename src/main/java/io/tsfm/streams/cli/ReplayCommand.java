package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ConfigFileOption;
import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.replay.ReplayRequest;
import io.tsfm.streams.replay.Replayer;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tsfm-streams replay}: reprocess a time range of the tick topic into separate, prefixed topics. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Reprocess a time range of the tick topic with a fresh application id into prefixed output "
                + "topics (backtests with another model or settings); the live app is not touched.")
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ReplayRangeOptions range;

    @Mixin
    ConfigFileOption configFile;

    @Option(
            names = "--application-id",
            description = "Application id of the replay (default: <live id>-replay-<epoch s>).")
    String applicationId;

    @Override
    public Integer call() {
        final ReplayRequest request;
        try {
            request = range.request(null, false, applicationId);
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            System.err.println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final AppConfig live;
        try {
            live = configFile.load();
        } catch (final ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            new Replayer(live, request, System.out).run();
            return ExitCodes.OK;
        } catch (final Replayer.Refused e) {
            printRefused(e, new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true));
            return ExitCodes.CONFIG;
        } catch (final IllegalArgumentException e) {
            System.err.println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (final Exception e) {
            System.err.println("Replay failed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** A refused replay: one line saying so, then one per topic and setting. */
    static void printRefused(final Replayer.Refused e, final PrintWriter err) {
        err.println("Replay refused: a topic it writes would lose its records (nothing was written):");
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }
}
