package io.tsfm.streams.cli;

import io.tsfm.streams.evaluate.CalibrationEvaluation;
import io.tsfm.streams.evaluate.CalibrationOptions;
import io.tsfm.streams.evaluate.CalibrationReport;
import io.tsfm.streams.evaluate.CalibrationResult;
import io.tsfm.streams.evaluate.CalibrationTrace;
import io.tsfm.streams.evaluate.Evaluation;
import io.tsfm.streams.evaluate.EvaluationOptions;
import io.tsfm.streams.evaluate.EvaluationResult;
import io.tsfm.streams.evaluate.ResultReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams evaluate}: scores flat last value, local-ets-damped and the EWMA baseline on
 * simulated markets (no Kafka, no HTTP) and prints the table that docs/forecaster.md quotes; with
 * {@code --calibration}, evaluates the online band calibration instead (docs/calibration.md).
 * Exit codes ({@link ExitCodes}): 0 done, 2 bad argument.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score flat last value, local-ets-damped and the EWMA baseline on simulated markets "
                + "(pinball loss, 80%% band coverage and width).",
                "With --calibration: score the served bands of local-ets-damped and the EWMA baseline without and "
                        + "with each online calibration method (docs/calibration.md)."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--calibration", description = "Evaluate online band calibration instead of the forecasters.")
    boolean calibration;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3",
            description = "Simulator seeds, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--markets", defaultValue = "50", description = "Markets per seed (default: ${DEFAULT-VALUE}).")
    int markets;

    @Option(names = "--hours", description = "Simulated hours per seed (default: 72; not with --calibration).")
    Double hours;

    @Option(names = "--days", description = "With --calibration: simulated days per seed, warm-up included "
            + "(default: 4).")
    Double days;

    @Option(names = "--warm-up-days", description = "With --calibration: leading days learnt from but not "
            + "reported (default: 1).")
    Double warmUpDays;

    @Option(names = "--threads", description = "With --calibration: seeds run in parallel (default: seeds, at most "
            + "the processors).")
    Integer threads;

    @Option(names = "--every",
            description = "Evaluate every k-th 5-minute boundary (default: 3, or 1 with --calibration).")
    Integer every;

    @Option(names = "--json", description = "Print JSON instead of Markdown.")
    boolean json;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        if (calibration) {
            if (hours != null) {
                throw new ParameterException(spec.commandLine(), "--hours does not apply with --calibration: use --days");
            }
            final CalibrationOptions options;
            try {
                options = new CalibrationOptions(seeds, markets,
                        days == null ? CalibrationOptions.DEFAULT_DAYS : days,
                        warmUpDays == null ? CalibrationOptions.DEFAULT_WARM_UP_DAYS : warmUpDays,
                        every == null ? CalibrationOptions.DEFAULT_EVERY : every);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            final int workers = threads == null ? CalibrationEvaluation.defaultThreads(options) : threads;
            if (workers < 1) {
                throw new ParameterException(spec.commandLine(), "threads must be at least 1: " + workers);
            }
            final CalibrationEvaluation evaluation = CalibrationEvaluation.withDefaults();
            final CalibrationResult result;
            try {
                result = evaluation.run(options, evaluation.forecasters(),
                        CalibrationTrace.NONE, workers);
            } catch (final IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            out.print(json ? CalibrationReport.json(result) + System.lineSeparator() : CalibrationReport.markdown(result));
            out.flush();
            return ExitCodes.OK;
        }
        if (days != null || warmUpDays != null || threads != null) {
            throw new ParameterException(spec.commandLine(),
                    "--days, --warm-up-days and --threads only apply with --calibration");
        }
        final EvaluationOptions options;
        try {
            options = new EvaluationOptions(seeds, markets, hours == null ? EvaluationOptions.DEFAULT_HOURS : hours,
                    every == null ? EvaluationOptions.DEFAULT_EVERY : every);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final EvaluationResult result = Evaluation.withDefaults().run(options);
        out.print(json ? ResultReport.json(result) + System.lineSeparator() : ResultReport.markdown(result));
        out.flush();
        return ExitCodes.OK;
    }
}
