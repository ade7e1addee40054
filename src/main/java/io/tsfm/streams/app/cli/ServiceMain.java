package io.tsfm.streams.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the service artifact ({@code tsfm-streams-service.jar}, the production image): the commands
 * a deployment needs and nothing else, so the jar carries no broker, no tools and none of their libraries.
 * The all-in-one jar's {@code Main} offers the same commands beside the tools.
 */
@Command(
        name = "tsfm-streams",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = {
            "Prediction-market ticks to probabilistic forecasts with Kafka Streams: the service.",
            "The tools (demo, forecaster, simulate, replay, backtest, evaluate, broker, bench) are in tsfm-streams.jar."
        },
        subcommands = {RunCommand.class, TopologyCommand.class, ConfigDocsCommand.class})
public final class ServiceMain extends CommandRoot {
    /** The service's command line: -V prints the build's version, failures are one line and an exit code. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new ServiceMain()));
    }

    /** What every entry point's command line gets: the build's version on each command, {@link CliErrors}. */
    public static CommandLine configure(final CommandLine line) {
        line.setExecutionExceptionHandler(new CliErrors());
        final BuildVersion version = new BuildVersion();
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        return line;
    }

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }
}
