package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ConfigFileOption;
import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.Grid;
import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.evaluate.HistoryEvaluation;
import io.tsfm.streams.evaluate.HistoryReport;
import io.tsfm.streams.evaluate.MarketHistory;
import io.tsfm.streams.evaluate.MarketStats;
import io.tsfm.streams.evaluate.ModelAnswers;
import io.tsfm.streams.evaluate.SimulatedTicks;
import io.tsfm.streams.evaluate.TickFile;
import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import io.tsfm.streams.simulate.SimulationSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams evaluate}: the stream's forecasting (gates, model, calibration, post-processing,
 * scoring) over a tick history in event time, without Kafka or HTTP, scored as docs/calibration.md says;
 * the history is the user's own file ({@code --ticks}) or simulated markets. Operators choose settings with
 * it before a rollout. Exit codes ({@link ExitCodes}): 0 done, 2 bad argument, setting or file.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Run the stream's forecasting (gates, model, calibration, post-processing, scoring) over a "
                    + "tick history in event time and print coverage, tails, pinball loss and width of the served "
                    + "forecast beside the last value and the seed's EWMA on the same points (docs/calibration.md).",
            "The history is --ticks FILE, or simulated markets without it."
        })
public final class EvaluateCommand implements Callable<Integer> {
    /** Start of every simulated span (a Monday, on the grid), so the same options give the same figures. */
    static final Instant SIMULATION_START = Instant.parse("2026-01-05T00:00:00Z");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--ticks",
            paramLabel = "FILE",
            description = "A tick history: one market-ticks JSON record " + "per line, any order; plain, .xz or .gz.")
    Path ticks;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "1,2,3",
            description = "Without --ticks: simulator seeds, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(
            names = "--markets",
            defaultValue = "50",
            description = "Without --ticks: markets per seed (default: ${DEFAULT-VALUE}).")
    int markets;

    @Option(
            names = "--days",
            defaultValue = "4",
            description = "Without --ticks: simulated days (default: ${DEFAULT-VALUE}).")
    double days;

    @Mixin
    ConfigFileOption configFile;

    @Mixin
    SettingOverrides overrides;

    @Option(
            names = "--model",
            defaultValue = ModelRegistry.DEFAULT_MODEL,
            description = "The local model asked (default: ${DEFAULT-VALUE}; one of the forecaster's models).")
    String model;

    @Option(names = "--model-down", description = "The model is down: the baseline serves every market.")
    boolean modelDown;

    @Option(
            names = "--report-every",
            defaultValue = "6",
            description =
                    "Report every k-th 5-minute boundary " + "(default: ${DEFAULT-VALUE}, the :00 and :30 boundaries).")
    int reportEvery;

    @Option(names = "--threads", description = "Threads for the model's answers (default: the processors).")
    Integer threads;

    @Option(
            names = "--partitions",
            defaultValue = "1",
            description = "Calibrate as a stream of this many partitions does: each learns only from its own "
                    + "markets (default: ${DEFAULT-VALUE}, one calibrator set for all).")
    int partitions;

    @Option(names = "--json", description = "Print JSON instead of Markdown.")
    boolean json;

    @Option(
            names = "--scores",
            paramLabel = "FILE",
            description = "Also write every score record the stream would "
                    + "publish (the tsfm-forecast-scores JSON), one per line.")
    Path scoresFile;

    @Option(
            names = "--market-stats",
            description = "Print how the markets move instead (unchanged 5-minute steps, "
                    + "move sizes in ticks, steps between moves, reversals): real files and the simulator alike.")
    boolean marketStats;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final AppConfig config;
        try {
            config = configFile.load().with(overrides.settings());
        } catch (final ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final HistoryEvaluation.Options options;
        try {
            options = new HistoryEvaluation.Options(
                    reportEvery,
                    HistoryEvaluation.Options.DEFAULT_ACTIVE_STEPS,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads,
                    partitions);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final LocalModel local = ModelRegistry.defaults().find(model).orElse(null);
        if (local == null) {
            err.println("Unknown model '" + model + "'; one of "
                    + ModelRegistry.defaults().names());
            return ExitCodes.CONFIG;
        }
        final List<Tick> history;
        final String source;
        if (ticks != null) {
            final TickFile file = read(err);
            if (file == null) {
                return ExitCodes.CONFIG;
            }
            history = file.ticks();
            source = ticks.getFileName().toString();
        } else {
            history = simulated();
            source = "simulated markets (seeds " + seeds + ", " + days + " days)";
        }
        if (marketStats) {
            final MarketHistory markets =
                    MarketHistory.of(history, Grid.of(config.forecastSettings().step()));
            out.print(MarketStats.header()
                    + MarketStats.of(markets, config.forecastSettings().step().toMillis())
                            .row(source));
            out.flush();
            return ExitCodes.OK;
        }
        final HistoryEvaluation evaluation =
                new HistoryEvaluation(config, modelDown ? null : ModelAnswers.local(local, config.forecastSettings()));
        final MarketHistory markets =
                MarketHistory.of(history, Grid.of(evaluation.settings().step()));
        final HistoryEvaluation.Result result;
        try (ScoreLines lines = ScoreLines.open(scoresFile)) {
            result = evaluation.run(markets, options, lines::write);
        } catch (final IOException e) {
            err.println("Cannot write " + scoresFile + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final String title = source + ": " + markets.markets().size() + " markets, "
                + (modelDown ? "model down (the baseline serves every market)" : "model " + model);
        out.print(
                json
                        ? HistoryReport.json(title, result) + System.lineSeparator()
                        : HistoryReport.markdown(title, result));
        out.flush();
        return ExitCodes.OK;
    }

    private TickFile read(final PrintWriter err) {
        if (!Files.isRegularFile(ticks)) {
            err.println("No such file: " + ticks);
            return null;
        }
        final TickFile file;
        try {
            file = TickFile.read(ticks);
        } catch (final IOException e) {
            err.println("Cannot read " + ticks + ": " + e.getMessage());
            return null;
        }
        if (file.ticks().isEmpty()) {
            err.println(
                    "No valid tick in " + ticks + " (" + file.lines() + " lines; rejected: " + file.rejected() + ")");
            return null;
        }
        if (!file.rejected().isEmpty()) {
            err.println("Left out "
                    + file.rejected().values().stream()
                            .mapToLong(Long::longValue)
                            .sum() + " of "
                    + file.lines() + " lines, as the stream would (DLQ reasons " + file.rejected() + "), e.g. "
                    + file.firstRejections().get(0));
        }
        return file;
    }

    private List<Tick> simulated() {
        if (seeds.isEmpty() || markets < 1 || markets > SimulationSpec.MAX_MARKETS || !(days > 0 && days <= 365)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--seeds needs one seed, --markets 1.." + SimulationSpec.MAX_MARKETS + ", --days in (0, 365]");
        }
        final Instant end = SIMULATION_START.plus(Duration.ofMillis(Math.round(days * 86_400_000.0)));
        final List<Tick> all = new ArrayList<>();
        for (final long seed : seeds) {
            for (final Tick t : SimulatedTicks.of(new SimulationSpec(seed, markets, SIMULATION_START, end))) {
                // every seed's markets are other markets of one universe
                all.add(new Tick(
                        "s" + seed + "-" + t.marketId(),
                        t.tsMs(),
                        t.pYes(),
                        t.liquidityBucket(),
                        t.volume24h(),
                        t.openInterest()));
            }
        }
        return all;
    }
}
