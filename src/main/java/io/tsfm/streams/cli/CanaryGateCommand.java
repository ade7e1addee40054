package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.canary.CanaryGate;
import io.tsfm.streams.canary.GateResult;
import io.tsfm.streams.canary.GateResultJson;
import io.tsfm.streams.canary.InvalidMetricsException;
import io.tsfm.streams.canary.MetricsFile;
import io.tsfm.streams.canary.MetricsInput;
import io.tsfm.streams.canary.PrometheusUnavailableException;
import io.tsfm.streams.canary.PrometheusWindowSource;
import io.tsfm.streams.rollout.Stage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams canary-gate}: the seed runbook's promotion gate and rollback triggers (its canary runbook)
 * over 5-minute metrics windows from a JSON file or from Prometheus. Prints the verdict as JSON on stdout.
 *
 * <p>Exit codes are the seed evaluator's, not {@link ExitCodes}' (CI scripts key on them):
 * 0 the gate passed, 2 the gate failed (rollback or threshold), 1 the input or an argument is unusable,
 * 3 Prometheus could not be reached.
 */
@Command(
        name = "canary-gate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = CanaryGateCommand.INVALID_INPUT,
        exitCodeOnExecutionException = CanaryGateCommand.INVALID_INPUT,
        description = {
            "Evaluate the canary promotion gate and rollback triggers of a rollout stage over metrics windows.",
            "Prints {stage, windows, window_minutes, gate_passed, rollback_triggered, rollback_reasons, gate_fail_reasons}.",
            "Exit codes: 0 gate passed, 2 gate failed, 1 unusable input or argument, 3 Prometheus unreachable."
        })
public final class CanaryGateCommand implements Callable<Integer> {

    public static final int GATE_PASSED = 0;
    public static final int INVALID_INPUT = 1;
    public static final int GATE_FAILED = 2;
    public static final int PROMETHEUS_UNAVAILABLE = ExitCodes.UNAVAILABLE;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--stage",
            required = true,
            paramLabel = "STAGE",
            converter = StageConverter.class,
            description = "canary_5, canary_25 or full_100.")
    Stage stage;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = "--require-clean-duration",
            description = "Also fail the gate when the windows span less than the stage's clean duration "
                    + "(30m, 60m, 24h). Off by default, as in the seed evaluator.")
    boolean requireCleanDuration;

    private final Clock clock;

    public CanaryGateCommand() {
        this(Clock.systemUTC());
    }

    /** With the clock that ends the Prometheus range (tests). */
    public CanaryGateCommand(final Clock clock) {
        this.clock = clock;
    }

    static final class Source {
        @Option(
                names = "--input",
                required = true,
                paramLabel = "FILE",
                description = "Metrics JSON: {\"window_minutes\": 5, \"metrics\": {\"p95_latency_ms\": [..], "
                        + "\"error_rate\": [..], \"fallback_rate\": [..], \"breaker_open_rate\": [..], "
                        + "\"invalid_output_rate\": [..]}}.")
        Path input;

        @ArgGroup(exclusive = false, multiplicity = "1")
        PrometheusOptions prometheus;
    }

    static final class PrometheusOptions {
        @Option(
                names = "--prometheus",
                required = true,
                paramLabel = "URL",
                description = "Prometheus base URL (like http://127.0.0.1:9090) to build the windows from, "
                        + "with query_range and step = window length.")
        String url;

        @Option(
                names = "--since",
                paramLabel = "DURATION",
                description = "How far back, e.g. 30m, 2h, 1d; a whole number of windows. "
                        + "Default: the stage's clean duration (canary_5 30m, canary_25 60m, full_100 24h).")
        String since;

        @Option(
                names = "--window-minutes",
                defaultValue = "5",
                paramLabel = "MINUTES",
                description = "Window length and rate range in minutes. Default: ${DEFAULT-VALUE}.")
        int windowMinutes;

        @Option(
                names = "--rollout-stage",
                paramLabel = "LABEL",
                description = "Only series with this rollout_stage label value (e.g. canary_5). Default: all.")
        String rolloutStage;

        @Option(
                names = "--timeout",
                defaultValue = "30",
                paramLabel = "SECONDS",
                description = "Connect and per-query timeout. Default: ${DEFAULT-VALUE}.")
        int timeoutSeconds;
    }

    @Override
    public Integer call() {
        final MetricsInput metrics;
        try {
            metrics = source.input != null ? MetricsFile.read(source.input) : fromPrometheus(source.prometheus);
        } catch (final InvalidMetricsException | IllegalArgumentException e) {
            return fail(INVALID_INPUT, e.getMessage());
        } catch (final PrometheusUnavailableException e) {
            return fail(PROMETHEUS_UNAVAILABLE, e.getMessage());
        }
        final GateResult result = CanaryGate.evaluate(
                metrics.windows(),
                metrics.windowMinutes(),
                stage,
                requireCleanDuration ? CanaryGate.CleanDuration.REQUIRED : CanaryGate.CleanDuration.NOT_CHECKED);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(GateResultJson.render(result));
        out.flush();
        return result.gatePassed() ? GATE_PASSED : GATE_FAILED;
    }

    private MetricsInput fromPrometheus(final PrometheusOptions options) {
        if (options.windowMinutes < 1) {
            throw new IllegalArgumentException("--window-minutes must be at least 1, got " + options.windowMinutes);
        }
        if (options.timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, got " + options.timeoutSeconds);
        }
        if (options.rolloutStage != null && options.rolloutStage.isBlank()) {
            throw new IllegalArgumentException("--rollout-stage must not be blank");
        }
        final Duration since =
                options.since == null ? stage.cleanDuration() : PrometheusWindowSource.parseDuration(options.since);
        final PrometheusWindowSource prometheus =
                new PrometheusWindowSource(options.url, Duration.ofSeconds(options.timeoutSeconds), clock);
        return prometheus.fetch(since, options.windowMinutes, Optional.ofNullable(options.rolloutStage));
    }

    private int fail(final int exitCode, final String message) {
        final PrintWriter err = spec.commandLine().getErr();
        err.println("canary-gate: " + message);
        err.flush();
        return exitCode;
    }

    /** {@code --stage}: exactly canary_5, canary_25 or full_100. */
    static final class StageConverter implements CommandLine.ITypeConverter<Stage> {
        @Override
        public Stage convert(final String value) {
            try {
                return Stage.fromId(value);
            } catch (final IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
