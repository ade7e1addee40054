package io.tsfm.streams.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The measured cycles of one market count, a row of figures per run, and the report's lines made from them. */
final class CycleFigures {

    /** One measured cycle: its timings, emit delays, model share and requests, and the naive caller's pace. */
    record Run(
            double totalMs,
            double fromTriggerMs,
            double scored,
            double perSec,
            double[] delays,
            double modelShare,
            double streamThreadMs,
            double requests,
            double requestMeanMs,
            double naiveRate,
            double naiveTotalMs,
            double ratio,
            ThreadCpu.Split cpu) {

        double p50() {
            return Stats.percentile(delays, 50);
        }

        double p95() {
            return Stats.percentile(delays, 95);
        }

        double p99() {
            return Stats.percentile(delays, 99);
        }
    }

    private final List<Run> runs = new ArrayList<>();

    void add(final Run run) {
        runs.add(run);
    }

    /** The scenario's lines of the report, the build-up catch-up first. */
    void report(final BenchReport report, final String scenario, final double catchUpRate) {
        report.add(scenario, "build-up catch-up (EOS, no cycles)", "ticks/s", List.of(catchUpRate));
        report.add(scenario, "cycle start -> last forecast emitted", "ms", series(Run::totalMs));
        report.add(
                scenario,
                "trigger ticks sent -> last forecast emitted (incl. scoring)",
                "ms",
                series(Run::fromTriggerMs));
        report.add(scenario, "forecasts scored at the boundary", "count", series(Run::scored));
        report.add(scenario, "forecasts per second", "1/s", series(Run::perSec));
        report.add(scenario, "emit delay p50", "ms", series(Run::p50));
        report.add(scenario, "emit delay p95", "ms", series(Run::p95));
        report.add(scenario, "emit delay p99", "ms", series(Run::p99));
        report.add(
                scenario, "share answered by the model (rest: deadline fallback)", "fraction", series(Run::modelShare));
        report.add(scenario, "stream-thread cycle time (sum over tasks)", "ms", series(Run::streamThreadMs));
        report.add(
                scenario,
                "CPU time in the cycle: stream threads",
                "ms",
                series(r -> r.cpu().streamMs()));
        report.add(
                scenario,
                "CPU time in the cycle: the app's other threads (request encoder, HTTP, producers)",
                "ms",
                series(r -> r.cpu().appOtherMs()));
        report.add(
                scenario,
                "CPU time in the cycle: local forecaster",
                "ms",
                series(r -> r.cpu().forecasterMs()));
        report.add(
                scenario,
                "CPU time in the cycle: broker and the rest",
                "ms",
                series(r -> r.cpu().restMs()));
        report.add(
                scenario,
                "CPU time in the cycle: threads no thread bean lists (JIT, GC, RocksDB's native threads)",
                "ms",
                series(r -> r.cpu().jvmMs()));
        report.add(
                scenario,
                "JIT compilation time in the cycle",
                "ms",
                series(r -> r.cpu().jitMs()));
        report.add(scenario, "model requests (status ok)", "count", series(Run::requests));
        report.add(scenario, "model request latency, client side, mean", "ms", series(Run::requestMeanMs));
        report.add(scenario, "naive caller (1 blocking call per market)", "1/s", series(Run::naiveRate));
        report.add(scenario, "naive caller, time for all markets (extrapolated)", "ms", series(Run::naiveTotalMs));
        report.add(scenario, "app / naive", "ratio", series(Run::ratio));
    }

    /** The run whose total time is the (lower) median. */
    int medianRun() {
        return Stats.medianIndex(runs.stream().mapToDouble(Run::totalMs).toArray());
    }

    double[] delays(final int run) {
        return runs.get(run).delays();
    }

    private List<Double> series(final ToDoubleFunction<Run> figure) {
        final List<Double> out = new ArrayList<>(runs.size());
        for (final Run run : runs) {
            out.add(figure.applyAsDouble(run));
        }
        return out;
    }
}
