package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigLoader;
import io.tsfm.streams.replay.ReplayRequest;
import io.tsfm.streams.replay.Replayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsfm-streams replay}: reprocess a time range of the tick topic into separate, prefixed topics. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Reprocess a time range of the tick topic with a fresh application id into prefixed output "
                + "topics (backtests with another model or settings); the live app is not touched.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "First boundary to forecast (ISO-8601, e.g. 2026-11-20T00:00:00Z).")
    String from;

    @Option(names = "--to", description = "Last boundary to forecast (ISO-8601); default: the end of the topic.")
    String to;

    @Option(names = "--output-prefix", required = true, description = "Prefix of the output topics, e.g. bt-chronos-.")
    String outputPrefix;

    @Option(names = "--config", paramLabel = "FILE", description = "The live app's properties (model, topics, Kafka); "
            + "override anything with TSFM_* variables, e.g. TSFM_TOLLAMA_MODEL.")
    Path configFile;

    @Option(names = "--application-id", description = "Application id of the replay (default: <live id>-replay-<epoch s>).")
    String applicationId;

    @Option(names = "--warmup-hours", defaultValue = "25",
            description = "Ticks read before --from to rebuild contexts (default: ${DEFAULT-VALUE}).")
    double warmupHours;

    @Option(names = "--timeout-minutes", defaultValue = "120", description = "Give up after (default: ${DEFAULT-VALUE}).")
    double timeoutMinutes;

    @Override
    public Integer call() {
        final ReplayRequest request;
        try {
            request = new ReplayRequest(Instant.parse(from), to == null ? null : Instant.parse(to), outputPrefix,
                    applicationId, Duration.ofMinutes(Math.round(warmupHours * 60)),
                    Duration.ofSeconds(Math.round(timeoutMinutes * 60)));
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            System.err.println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final AppConfig live;
        try {
            live = ConfigLoader.load(configFile, System.getenv());
        } catch (final ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            new Replayer(live, request, System.out).run();
            return ExitCodes.OK;
        } catch (final Replayer.Refused e) {
            printRefused(e, new PrintWriter(System.err, true));
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
