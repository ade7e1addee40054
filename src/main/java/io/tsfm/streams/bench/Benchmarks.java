package io.tsfm.streams.bench;

import io.tsfm.streams.forecaster.FaultProfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the scenarios of {@code tsfm-streams bench} and prints their Markdown table. */
public final class Benchmarks {
    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);

    private Benchmarks() {}

    /** Everything {@code bench} can be told; see {@code BenchCommand} for the meaning of each. */
    public record Options(
            String scenario,
            int runs,
            int warmupRuns,
            int ticks,
            int ingestMarkets,
            List<String> guarantees,
            List<Integer> streamThreads,
            List<Integer> markets,
            int tickMinutes,
            int naiveMarkets,
            long latencyMs,
            long latencyPerSeriesMs,
            int seriesPerRequest,
            int maxInFlight,
            long jobDeadlineMs,
            int replayHours,
            List<Integer> instances,
            String bootstrapServers,
            Path json,
            Path chart,
            Map<String, String> appSettings) {
        public Options {
            guarantees = List.copyOf(guarantees);
            streamThreads = List.copyOf(streamThreads);
            instances = List.copyOf(instances);
            appSettings = Map.copyOf(appSettings);
        }
    }

    /**
     * Runs the chosen scenarios and prints their results.
     *
     * @return true when every scenario completed
     */
    public static boolean run(final Options o, final PrintStream out) throws Exception {
        final Map<String, Object> machine = Machine.describe();
        out.println("bench: machine " + machine);
        final BenchReport report = new BenchReport();
        report.setting("runs", o.runs());
        report.setting("forecaster.latency.ms", o.latencyMs());
        report.setting("forecaster.latency.per.series.ms", o.latencyPerSeriesMs());
        report.setting("model", "mock (local forecaster)");
        report.setting("partitions", BenchEnvironment.PARTITIONS);
        report.setting("stream.threads", o.appSettings().getOrDefault(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"));
        report.setting("commit.interval.ms", 100);
        new java.util.TreeMap<>(o.appSettings()).forEach((k, v) -> report.setting("set " + k, v));
        final FaultProfile fault = FaultProfile.builder()
                .latencyMs(o.latencyMs())
                .latencyPerSeriesMs(o.latencyPerSeriesMs())
                .build();
        final long started = System.nanoTime();
        try (BenchEnvironment env = new BenchEnvironment(o.bootstrapServers(), fault, o.appSettings(), out)) {
            if ("ingest".equals(o.scenario()) || "all".equals(o.scenario())) {
                new IngestBenchmark(env, out)
                        .run(o.ticks(), o.ingestMarkets(), o.guarantees(), o.streamThreads(), o.runs(), report);
            }
            if ("replay".equals(o.scenario())) {
                new ReplayBenchmark(env, out)
                        .run(o.markets().get(0), o.replayHours(), o.runs(), o.jobDeadlineMs(), report);
            }
            if ("scale".equals(o.scenario())) {
                new ScaleBenchmark(env, out)
                        .run(
                                o.markets().get(0),
                                o.instances(),
                                new ScaleBenchmark.Settings(
                                        o.runs(),
                                        o.tickMinutes(),
                                        o.seriesPerRequest(),
                                        o.maxInFlight(),
                                        o.jobDeadlineMs(),
                                        1024),
                                report);
            }
            if (!List.of("ingest", "replay", "scale").contains(o.scenario())) {
                final CycleBenchmark cycle = new CycleBenchmark(env, out);
                cycle.run(
                        o.markets(),
                        new CycleBenchmark.Settings(
                                o.runs(),
                                o.warmupRuns(),
                                o.tickMinutes(),
                                o.naiveMarkets(),
                                o.seriesPerRequest(),
                                o.maxInFlight(),
                                o.jobDeadlineMs()),
                        report);
                final Resources r = cycle.resources();
                if (r != null && !"cycle".equals(o.scenario())) {
                    final String sc = "resources (" + r.markets() + " markets, after the cycles)";
                    report.add(sc, "heap used (before GC)", "MiB", List.of(r.heapUsedMb()));
                    report.add(sc, "heap used after System.gc()", "MiB", List.of(r.heapUsedAfterGcMb()));
                    report.add(sc, "heap committed", "MiB", List.of(r.heapCommittedMb()));
                    report.add(
                            sc, "RSS (VmRSS; whole JVM incl. embedded broker + forecaster)", "MiB", List.of(r.rssMb()));
                    report.add(
                            sc, "state.dir on disk (after close flushed the stores)", "MiB", List.of(r.stateDirMb()));
                }
                if (o.chart() != null && cycle.chartDelays().length > 0) {
                    LatencyChart.write(
                            cycle.chartDelays(),
                            String.format(
                                    Locale.ROOT,
                                    "tsfm cycle: emit delay of %d markets (median run), %d ms + %d ms/series model latency",
                                    cycle.chartMarkets(),
                                    o.latencyMs(),
                                    o.latencyPerSeriesMs()),
                            o.chart());
                    out.println("bench: wrote " + o.chart());
                }
            }
        } catch (final RuntimeException e) {
            LOG.error("benchmark failed", e);
            out.println("bench: FAILED: " + e);
            out.println(report.markdown());
            return false;
        }
        machine.put("load_average_at_end", Machine.loadAverage());
        report.note(String.format(
                Locale.ROOT,
                "wall time %.0f s; load average at start %s, at end %s",
                (System.nanoTime() - started) / 1e9,
                machine.get("load_average_1m"),
                machine.get("load_average_at_end")));
        out.println();
        out.println(report.markdown());
        if (o.json() != null) {
            report.writeJson(o.json(), machine);
            out.println("bench: wrote " + o.json());
        }
        return true;
    }
}
