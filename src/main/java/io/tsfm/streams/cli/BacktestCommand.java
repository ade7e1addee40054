package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ConfigFileOption;
import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.replay.ReplayRequest;
import io.tsfm.streams.replay.Replayer;
import io.tsfm.streams.replay.TopicReader;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.score.ScoreTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams backtest}: replays a range of the tick topic (optionally with another model) and ends
 * with the score table: coverage and pinball loss of the served and uncalibrated bands, per model.
 */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Replay a time range of the tick topic into prefixed topics, then print coverage and pinball "
                + "loss of its forecasts (served band vs uncalibrated) overall, at steps 1/6/12, moving vs quiet.")
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReplayRangeOptions range;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--model", description = "tollama model to backtest (default: tollama.model of the config).")
    String model;

    @Option(names = "--json", description = "Print the table as JSON instead of Markdown.")
    boolean json;

    @Option(
            names = "--scores",
            paramLabel = "FILE",
            description = "Also write the replay's score records, one JSON "
                    + "object per line (as evaluate --scores does, to compare them record by record).")
    Path scoresFile;

    @Override
    public Integer call() {
        final java.io.PrintWriter out = spec.commandLine().getOut();
        final ReplayRequest request;
        try {
            request = range.request("backtest-" + System.currentTimeMillis() / 1000 + "-", true, null);
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final String prefix = request.outputPrefix();
        final AppConfig live;
        try {
            final AppConfig loaded = configFile.load();
            live = model == null ? loaded : loaded.with(Map.of(ConfigKeys.TOLLAMA_MODEL, model));
        } catch (final ConfigException e) {
            spec.commandLine().getErr().println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            new Replayer(live, request, System.err).run();
            final String topic = prefix + live.getString(ConfigKeys.TOPIC_SCORES);
            final List<ForecastScore> scores =
                    TopicReader.scores(live.getString(ConfigKeys.BOOTSTRAP_SERVERS), topic, Duration.ofMinutes(2));
            try (ScoreLines lines = ScoreLines.open(scoresFile)) {
                scores.forEach(lines::write);
            }
            final List<ScoreTable.Row> rows = ScoreTable.of(scores);
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
                out.flush();
            } else {
                out.printf(
                        "Backtest %s .. %s: %d scored forecasts from %s%n%n",
                        request.from(), request.to(), scores.size(), topic);
                out.print(ScoreTable.markdown(rows));
                out.flush();
            }
            return ExitCodes.OK;
        } catch (final Replayer.Refused e) {
            ReplayCommand.printRefused(e, spec.commandLine().getErr());
            return ExitCodes.CONFIG;
        } catch (final IllegalArgumentException e) {
            spec.commandLine().getErr().println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (final Exception e) {
            spec.commandLine().getErr().println("Backtest failed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
