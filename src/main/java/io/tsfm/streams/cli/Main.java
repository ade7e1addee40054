package io.tsfm.streams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the self-contained jar: one picocli command per job (run, demo, forecaster, ...). */
@Command(name = "tsfm-streams", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Prediction-market ticks to probabilistic forecasts with Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, ForecasterCommand.class, SimulateCommand.class, EvaluateCommand.class, TopologyCommand.class, ReplayCommand.class, BacktestCommand.class, ShadowReportCommand.class, BrokerCommand.class, CanaryGateCommand.class, BenchCommand.class, ConfigDocsCommand.class})
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    /** Without a command: the usage and exit code 2, picocli's convention for a missing subcommand. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: one of " + spec.subcommands().keySet());
    }

    /**
     * The command line every entry point runs: each command prints the build's version with -V and fails
     * with one line and an exit code ({@link CliErrors}).
     */
    public static CommandLine commandLine() {
        final CommandLine line = new CommandLine(new Main()).setExecutionExceptionHandler(new CliErrors());
        final BuildVersion version = new BuildVersion();
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return line;
    }

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }
}
