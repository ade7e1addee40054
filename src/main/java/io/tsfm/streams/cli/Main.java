package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.BuildVersion;
import io.tsfm.streams.app.cli.CommandRoot;
import io.tsfm.streams.app.cli.ConfigDocsCommand;
import io.tsfm.streams.app.cli.RunCommand;
import io.tsfm.streams.app.cli.ServiceMain;
import io.tsfm.streams.app.cli.TopologyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the all-in-one jar ({@code tsfm-streams.jar}): the service's commands ({@link ServiceMain}) and
 * the tools (demo, forecaster, simulate, evaluate, replay, broker, bench, ...).
 */
@Command(
        name = "tsfm-streams",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "Prediction-market ticks to probabilistic forecasts with Kafka Streams.",
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            ForecasterCommand.class,
            SimulateCommand.class,
            EvaluateCommand.class,
            TopologyCommand.class,
            ReplayCommand.class,
            BacktestCommand.class,
            ShadowReportCommand.class,
            BrokerCommand.class,
            CanaryGateCommand.class,
            BenchCommand.class,
            SloRulesCommand.class,
            ReportCommand.class,
            ConfigDocsCommand.class
        })
public final class Main extends CommandRoot {

    /**
     * The command line every entry point runs: each command prints the build's version with -V and fails
     * with one line and an exit code ({@link ServiceMain#configure}).
     */
    public static CommandLine commandLine() {
        return ServiceMain.configure(new CommandLine(new Main()));
    }

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }
}
