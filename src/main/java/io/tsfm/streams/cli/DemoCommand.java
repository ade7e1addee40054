package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.app.cli.LogRouting;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.demo.Demo;
import io.tsfm.streams.demo.DemoOptions;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.model.license.LicenseRefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tsfm-streams demo}: the whole system in one process, nothing to install. Ctrl-C stops it. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run an embedded Kafka broker, the local forecaster, the processor and the market simulator, "
                + "printing forecasts as they arrive. Ctrl-C stops everything and removes the temporary data.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--markets", defaultValue = "50", description = "Simulated markets (default: ${DEFAULT-VALUE}).")
    int markets;

    @Option(
            names = "--hours",
            defaultValue = "26",
            description = "Event time to simulate, ending now (default: ${DEFAULT-VALUE}).")
    double hours;

    @Option(
            names = "--speed",
            defaultValue = "300",
            description =
                    "Event time runs this many times faster than wall time; 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "42", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ExternalKafkaOption kafka;

    @Option(names = "--model-url", description = "Use this tollama server instead of the local forecaster.")
    String modelUrl;

    @Option(
            names = "--model",
            description = "Model name (default: local-empirical locally, chronos2 with --model-url).")
    String model;

    @Option(
            names = "--fault",
            description = "Fault profile of the local forecaster: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Presets.class)
    String fault;

    @Option(
            names = "--watch",
            split = ",",
            description =
                    "Markets whose forecasts are printed, or 'all' (default: two liquid, one mid, one illiquid market).")
    List<String> watch = List.of();

    @Option(
            names = "--ops-port",
            defaultValue = "8080",
            description = "Port of the ops endpoints on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int opsPort;

    @Option(names = "--exit-when-done", description = "Exit once the simulation is over and the output has settled.")
    boolean exitWhenDone;

    @Mixin
    SettingOverrides overrides;

    @Option(
            names = "--drift-at",
            description = "Inject input drift into the simulated markets from this instant "
                    + "or offset from the start (e.g. 20h).")
    String driftAt;

    @Option(
            names = "--summary-seconds",
            defaultValue = "10",
            description = "Seconds between summary lines (default: ${DEFAULT-VALUE}).")
    double summarySeconds;

    @Option(
            names = "--verbose",
            description = "Print the libraries' log lines (Kafka, the broker, Jetty) here "
                    + "instead of in the log file the demo names at start.")
    boolean verbose;

    /** The fault presets, for picocli's help text. */
    static final class Presets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FaultProfile.PRESETS.iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        if (markets < 1 || hours <= 0 || speed < 0 || summarySeconds <= 0) {
            err.println("Invalid arguments: --markets >= 1, --hours > 0, --speed >= 0, --summary-seconds > 0");
            return ExitCodes.CONFIG;
        }
        if (fault != null && !FaultProfile.PRESETS.contains(fault)) {
            err.println("Unknown --fault '" + fault + "'; one of " + FaultProfile.PRESETS);
            return ExitCodes.CONFIG;
        }
        if (fault != null && modelUrl != null) {
            err.println("--fault applies to the local forecaster only; drop --model-url or --fault");
            return ExitCodes.CONFIG;
        }
        final DemoOptions options = new DemoOptions(
                markets,
                hours,
                speed,
                seed,
                kafka.bootstrapServers(),
                modelUrl,
                model,
                fault,
                watch,
                exitWhenDone,
                Math.round(summarySeconds * 1000),
                opsPort,
                Map.copyOf(overrides.settings()),
                driftAt);
        AppConfig.of(overrides.settings()); // a bad --set is one line and exit 2 before anything starts (CliErrors)
        final Path logFile = verbose
                ? null
                : Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "tsfm-demo-" + ProcessHandle.current().pid() + ".log");
        final LogRouting.Restore logging = logFile == null ? () -> {} : DemoLogFile.toFile(logFile);
        if (logFile != null) {
            System.out.println("demo: library log lines go to " + logFile + " (--verbose prints them here)");
        }
        final CountDownLatch closed = new CountDownLatch(1);
        final Demo demo = new Demo(options, System.out);
        final Thread main = Thread.currentThread();
        final Thread hook = new Thread(
                () -> {
                    main.interrupt();
                    try {
                        closed.await();
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            demo.start();
            return demo.awaitCompletion() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (final LicenseRefusedException e) {
            err.println(e.getMessage());
            return ExitCodes.LICENSE_REFUSED;
        } catch (final InterruptedException e) {
            return ExitCodes.OK;
        } finally {
            demo.close();
            if (logFile != null) {
                System.out.println("demo: the full log is in " + logFile);
            }
            logging.close();
            closed.countDown();
            if (!Thread.currentThread().isInterrupted()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (final IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
    }
}
