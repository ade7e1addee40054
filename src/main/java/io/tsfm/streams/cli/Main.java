package io.tsfm.streams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the self-contained jar: one picocli command per job (run, demo, forecaster, ...). */
@Command(name = "tsfm-streams", mixinStandardHelpOptions = true,
        description = "Prediction-market ticks to probabilistic forecasts with Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, ForecasterCommand.class, SimulateCommand.class, EvaluateCommand.class, TopologyCommand.class, ReplayCommand.class, BacktestCommand.class, ShadowReportCommand.class, BrokerCommand.class, CanaryGateCommand.class, BenchCommand.class, ConfigDocsCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(final String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
