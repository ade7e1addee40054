package io.tsfm.streams.cli;

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
 * simulated markets (no Kafka, no HTTP) and prints the table that docs/forecaster.md quotes.
 * Exit codes ({@link ExitCodes}): 0 done, 2 bad argument.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score flat last value, local-ets-damped and the EWMA baseline on simulated markets "
                + "(pinball loss, 80%% band coverage and width).")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3",
            description = "Simulator seeds, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--markets", defaultValue = "50", description = "Markets per seed (default: ${DEFAULT-VALUE}).")
    int markets;

    @Option(names = "--hours", defaultValue = "72", description = "Simulated hours per seed (default: ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--every", defaultValue = "3",
            description = "Evaluate every k-th 5-minute boundary (default: ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--json", description = "Print JSON instead of a Markdown table.")
    boolean json;

    @Override
    public Integer call() {
        final EvaluationOptions options;
        try {
            options = new EvaluationOptions(seeds, markets, hours, every);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final EvaluationResult result = Evaluation.withDefaults().run(options);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ResultReport.json(result) + System.lineSeparator() : ResultReport.markdown(result));
        out.flush();
        return ExitCodes.OK;
    }
}
