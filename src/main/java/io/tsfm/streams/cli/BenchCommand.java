package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.bench.Benchmarks;
import io.tsfm.streams.config.AppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tsfm-streams bench <scenario>}: throughput and latency figures against an embedded broker (or
 * {@code --bootstrap-servers}) and the local forecaster, each the median of {@code --runs} runs. Never
 * run as a test; see docs/benchmarks.md.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark scenarios: ingest (tsfm topology vs pass-through, exactly_once_v2 and at_least_once), "
                + "cycle (forecast cycle of N markets vs a naive one-call-per-market caller), resources (heap, RSS, "
                + "state dir after the cycle of the largest market count), all of these, replay (a day of "
                + "markets at a tick a minute replayed by a fresh app), or scale (the cycle on 1, 2, 4 instances, "
                + "each its own JVM, 12 partitions). Prints a Markdown table.")
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "ingest, cycle, resources, all, replay or scale.")
    String scenario;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = "Runs per scenario; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--warmup-runs",
            defaultValue = "5",
            description = "cycle: boundary crossings before the measured runs, not reported, while the JVM "
                    + "still compiles its hot code (default: ${DEFAULT-VALUE}).")
    int warmupRuns;

    @Option(
            names = "--ticks",
            defaultValue = "2000000",
            description = "ingest: ticks pre-produced (default: ${DEFAULT-VALUE}).")
    int ticks;

    @Option(
            names = "--stream-threads",
            split = ",",
            defaultValue = "1,2",
            description = "ingest: num.stream.threads of both topologies, each count its own rows; over --set "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Integer> streamThreads;

    @Option(
            names = "--guarantees",
            split = ",",
            defaultValue = "exactly_once_v2,at_least_once",
            description = "ingest: processing guarantees to measure, each its own rows (default: ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(
            names = "--ingest-markets",
            defaultValue = "2000",
            description = "ingest: markets the ticks spread over (default: ${DEFAULT-VALUE}).")
    int ingestMarkets;

    @Option(
            names = "--markets",
            split = ",",
            description =
                    "cycle/resources: market counts (default: 1000,10000 for cycle and all, 10000 for resources); "
                            + "replay: one count (default: 1000).")
    List<Integer> markets;

    @Option(
            names = "--tick-minutes",
            defaultValue = "15",
            description = "cycle: minutes between build-up ticks of a market (contexts stay 288 steps, forward-filled; "
                    + "5 = one tick per step) (default: ${DEFAULT-VALUE}).")
    int tickMinutes;

    @Option(
            names = "--replay-hours",
            defaultValue = "24",
            description = "replay: hours of ticks, one a minute per market (default: ${DEFAULT-VALUE}).")
    int replayHours;

    @Option(
            names = "--naive-markets",
            defaultValue = "500",
            description = "cycle: markets the naive caller visits per run (its rate is per market, so the time for "
                    + "all markets is extrapolated) (default: ${DEFAULT-VALUE}).")
    int naiveMarkets;

    @Option(
            names = "--latency-ms",
            defaultValue = "15",
            description = "Forecaster latency per request (default: ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(
            names = "--latency-per-series-ms",
            defaultValue = "1",
            description = "Forecaster latency per series of a request; whole ms (default: ${DEFAULT-VALUE}).")
    long latencyPerSeriesMs;

    @Option(
            names = "--series-per-request",
            defaultValue = "64",
            description = "tollama.series.per.request (default: ${DEFAULT-VALUE}).")
    int seriesPerRequest;

    @Option(
            names = "--max-in-flight",
            defaultValue = "8",
            description = "tollama.max.in.flight (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(
            names = "--job-deadline-ms",
            defaultValue = "5000",
            description = "job.deadline.ms (default: ${DEFAULT-VALUE}).")
    long jobDeadlineMs;

    @Mixin
    ExternalKafkaOption kafka;

    @Option(names = "--json", description = "Also write the figures as JSON to this file.")
    Path json;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "An app setting laid over the benchmark's for every tsfm app (the scenario's own "
                    + "settings still win); a Kafka Streams or client property also over the pass-through's; "
                    + "repeatable, e.g. --set max.task.idle.ms=0 (docs/configuration.md).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(
            names = "--instances",
            split = ",",
            defaultValue = "1,2,4",
            description = "scale: instance counts, each run as separate JVMs of this jar (default: ${DEFAULT-VALUE}).")
    List<Integer> instances;

    @Option(
            names = "--chart",
            description = "Write a PNG of the cycle latency distribution (largest market count, median run).")
    Path chart;

    @Override
    public Integer call() throws Exception {
        if (!List.of("ingest", "cycle", "resources", "all", "replay", "scale").contains(scenario)) {
            System.err.println(
                    "Unknown scenario '" + scenario + "'; one of ingest, cycle, resources, all, replay, scale");
            return ExitCodes.CONFIG;
        }
        if (runs < 1
                || warmupRuns < 0
                || ticks < 1
                || ingestMarkets < 1
                || tickMinutes < 1
                || tickMinutes > 60
                || naiveMarkets < 1
                || latencyMs < 0
                || latencyPerSeriesMs < 0
                || seriesPerRequest < 1
                || maxInFlight < 1
                || jobDeadlineMs < 1
                || replayHours < 1
                || replayHours > 168
                || (List.of("replay", "scale").contains(scenario) && markets != null && markets.size() != 1)
                || instances.isEmpty()
                || instances.stream().anyMatch(i -> i < 1 || i > 12)
                || (markets != null && markets.stream().anyMatch(m -> m < 3))
                || streamThreads.stream().anyMatch(t -> t < 1)) {
            System.err.println(
                    "Invalid arguments: --warmup-runs >= 0; --runs, --ticks, --ingest-markets, --naive-markets, "
                            + "--series-per-request, --max-in-flight, --job-deadline-ms, --stream-threads >= 1; "
                            + "--tick-minutes in 1..60; --replay-hours in 1..168 (replay, scale: one --markets count); "
                            + "--instances in 1..12; "
                            + "--markets >= 3 each; latencies >= 0");
            return ExitCodes.CONFIG;
        }
        if (guarantees.isEmpty() || !List.of("exactly_once_v2", "at_least_once").containsAll(guarantees)) {
            System.err.println("Invalid --guarantees " + guarantees + "; exactly_once_v2 and/or at_least_once");
            return ExitCodes.CONFIG;
        }
        try {
            StreamsConfig.configDef().parse(AppConfig.of(settings).streamsProperties());
        } catch (final ConfigException e) {
            System.err.println("Invalid --set: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final List<Integer> counts = markets != null
                ? markets
                : "resources".equals(scenario)
                        ? List.of(10_000)
                        : "replay".equals(scenario)
                                ? List.of(1_000)
                                : "scale".equals(scenario) ? List.of(10_000) : List.of(1_000, 10_000);
        final Benchmarks.Options options = new Benchmarks.Options(
                scenario,
                runs,
                warmupRuns,
                ticks,
                ingestMarkets,
                guarantees,
                streamThreads,
                counts,
                tickMinutes,
                naiveMarkets,
                latencyMs,
                latencyPerSeriesMs,
                seriesPerRequest,
                maxInFlight,
                jobDeadlineMs,
                replayHours,
                instances,
                kafka.bootstrapServers(),
                json,
                chart,
                settings);
        return Benchmarks.run(options, System.out) ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
