package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ConfigFileOption;
import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.replay.TopicReader;
import io.tsfm.streams.rollout.ShadowReport;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsfm-streams shadow-report}: the rollout candidate in shadow against the served forecasts, for a range. */
@Command(
        name = "shadow-report",
        mixinStandardHelpOptions = true,
        description = "Compare the rollout candidate's shadow forecasts with the served ones for an as_of range: "
                + "match rate, candidate fallback rate, latency, and realised coverage and pinball of both sides.")
public final class ShadowReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "First as_of (ISO-8601).")
    String from;

    @Option(names = "--to", required = true, description = "Last as_of (ISO-8601).")
    String to;

    @Mixin
    ConfigFileOption configFile;

    @Option(
            names = "--by",
            defaultValue = "segment",
            description = "Rows per segment or per market (default: ${DEFAULT-VALUE}).")
    String by;

    @Option(names = "--json", description = "Print JSON instead of a Markdown table.")
    boolean json;

    @Override
    public Integer call() {
        final Instant start;
        final Instant end;
        try {
            start = Instant.parse(from);
            end = Instant.parse(to);
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("--to " + to + " is before --from " + from);
            }
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final ShadowReport.GroupBy groupBy;
        if ("segment".equals(by) || "market".equals(by)) {
            groupBy = "market".equals(by) ? ShadowReport.GroupBy.MARKET : ShadowReport.GroupBy.SEGMENT;
        } else {
            spec.commandLine().getErr().println("Invalid arguments: --by is segment or market, not " + by);
            return ExitCodes.CONFIG;
        }
        final AppConfig config;
        try {
            config = configFile.load();
        } catch (final ConfigException e) {
            spec.commandLine().getErr().println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        try {
            final String bootstrap = config.getString(ConfigKeys.BOOTSTRAP_SERVERS);
            final Duration timeout = Duration.ofMinutes(2);
            final List<ShadowReport.Row> rows = ShadowReport.of(
                    TopicReader.forecasts(bootstrap, config.getString(ConfigKeys.TOPIC_FORECASTS), timeout),
                    TopicReader.forecasts(bootstrap, config.getString(ConfigKeys.TOPIC_SHADOW_FORECASTS), timeout),
                    TopicReader.scores(bootstrap, config.getString(ConfigKeys.TOPIC_SCORES), timeout),
                    start,
                    end,
                    config.getDouble(ConfigKeys.ROLLOUT_SHADOW_MATCH_DISTANCE),
                    groupBy);
            if (json) {
                spec.commandLine()
                        .getOut()
                        .println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } else {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Shadow report %s .. %s (match distance %.3f)%n%n",
                                from, to, config.getDouble(ConfigKeys.ROLLOUT_SHADOW_MATCH_DISTANCE));
                spec.commandLine().getOut().print(ShadowReport.markdown(rows));
            }
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (final Exception e) {
            spec.commandLine().getErr().println("Shadow report failed: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }
}
