package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ConfigFileOption;
import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.config.ConfigKeys;
import io.tsfm.streams.report.OperationalReport;
import io.tsfm.streams.report.PeriodData;
import io.tsfm.streams.report.Report;
import io.tsfm.streams.report.ReportWriter;
import io.tsfm.streams.slo.SloSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams report}: the operational report of a period against the previous one of the same length
 * (docs/operations.md, "The operational report"). Exit codes: 0 written, 1 failed, 2 bad arguments or
 * settings, 3 Kafka unreachable.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write the operational report of a period: health score and changes, SLO compliance, forecasts and "
                    + "fallbacks, quality, rollout, input drift, and regressions classified by cause, each against "
                    + "the previous period of the same length, as Markdown, HTML and JSON with charts."
        })
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, description = "Start of the period, as_of (ISO-8601, inclusive).")
    String from;

    @Option(names = "--to", description = "End of the period (ISO-8601, exclusive); default: --from plus one --period.")
    String to;

    @Option(
            names = "--period",
            defaultValue = "daily",
            description = "daily or weekly: the period's length when --to is not given (default: ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--prometheus", paramLabel = "URL", description = "Prometheus for SLO figures and latency.")
    String prometheus;

    @Option(
            names = "--format",
            defaultValue = "md,json,html",
            description = "Comma-separated md, json, html (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report", description = "Where to write it.")
    Path out;

    @Option(
            names = "--slo-spec",
            paramLabel = "FILE",
            defaultValue = "monitoring/slo.yml",
            description = "The SLO spec for targets and window (default: ${DEFAULT-VALUE}; "
                    + "without it, the shipped objectives).")
    Path sloSpec;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "60",
            description = "How long Kafka and Prometheus are waited for (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Mixin
    ConfigFileOption configFile;

    @Mixin
    SettingOverrides overrides;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final Instant start;
        final Instant end;
        final Set<String> formats;
        final URI prometheusUri;
        try {
            start = Instant.parse(from);
            end = to != null ? Instant.parse(to) : start.plus(length(period));
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("--to " + end + " is not after --from " + start);
            }
            formats = ReportWriter.formats(format);
            if (!ReportWriter.FORMATS.containsAll(formats)) {
                throw new IllegalArgumentException("--format takes md, json, html, not " + format);
            }
            prometheusUri = prometheus == null ? null : URI.create(prometheus);
            if (prometheusUri != null && prometheusUri.getScheme() == null) {
                throw new IllegalArgumentException("--prometheus needs a URL such as http://localhost:9090");
            }
        } catch (final DateTimeParseException | IllegalArgumentException e) {
            err.println("Invalid arguments: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final AppConfig config;
        final Map<String, Double> targets = new LinkedHashMap<>();
        final Duration window;
        try {
            config = configFile.load().with(overrides.settings());
            window = slo(targets);
        } catch (final ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (final SloSpec.InvalidSpec | IOException e) {
            err.println("Configuration error: " + sloSpec + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final PeriodData.Topics topics = new PeriodData.Topics(
                config.getString(ConfigKeys.TOPIC_FORECASTS),
                config.getString(ConfigKeys.TOPIC_FALLBACKS),
                config.getString(ConfigKeys.TOPIC_SCORES),
                config.getString(ConfigKeys.TOPIC_SHADOW_FORECASTS),
                config.getString(ConfigKeys.TOPIC_DLQ));
        final Report report;
        try {
            report = new OperationalReport(
                            config.getString(ConfigKeys.BOOTSTRAP_SERVERS),
                            topics,
                            prometheusUri,
                            targets,
                            window,
                            config.getDouble(ConfigKeys.ROLLOUT_SHADOW_MATCH_DISTANCE),
                            Duration.ofSeconds(timeoutSeconds))
                    .run(start, end);
        } catch (final KafkaException e) {
            err.println("Kafka unreachable: cannot read the topics from "
                    + config.getString(ConfigKeys.BOOTSTRAP_SERVERS) + ": " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (final RuntimeException e) {
            err.println("Report failed: " + e);
            return ExitCodes.FAILED;
        }
        try {
            ReportWriter.write(report, formats, out);
        } catch (final IOException e) {
            err.println("Report failed: cannot write " + out + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                "report: %s .. %s: health %d/100, %d finding(s); wrote %s to %s%n",
                start, end, report.health().score(), report.findings().size(), String.join(",", formats), out);
        stdout.flush();
        return ExitCodes.OK;
    }

    private static Duration length(final String period) {
        return switch (period) {
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("--period is daily or weekly, not " + period);
        };
    }

    /** Fills the targets from the SLO spec when it exists and returns its window; 28 days otherwise. */
    private Duration slo(final Map<String, Double> targets) throws IOException, SloSpec.InvalidSpec {
        if (!Files.isRegularFile(sloSpec)) {
            return Duration.ofDays(28);
        }
        final SloSpec s = SloSpec.read(sloSpec);
        s.objectives().forEach(o -> targets.put(o.name(), o.target().doubleValue()));
        final String p = s.period();
        final long n = Long.parseLong(p.substring(0, p.length() - 1));
        return switch (p.charAt(p.length() - 1)) {
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(n);
        };
    }
}
