package io.tsfm.streams.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The measured cycles of one market count, a row of figures per run, and the report's lines made from them. */
final class CycleFigures {

    /**
     * One measured cycle: its timings, emit delays, model share and requests, and the naive caller's pace.
     * {@code modelBoundMs} is what the model alone needed: its requests at their mean client-side latency, as many
     * at once as the client allows; the goals compare the cycle and the emit delays with it.
     */
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
            double modelBoundMs,
            ThreadCpu.Split cpu) {

        double cycleOverModelBound() {
            return totalMs / modelBoundMs;
        }

        double fromTriggerOverModelBound() {
            return fromTriggerMs / modelBoundMs;
        }

        double p95OverModelBoundMs() {
            return p95() - modelBoundMs;
        }

        /** The run's line of the bench's output. */
        String line(final int markets, final String label, final int forecasts) {
            return String.format(
                    Locale.ROOT,
                    "cycle %d markets %s: %d forecasts (%.0f%% from the model) in %.0f ms (%.0f/s), "
                            + "model-bound %.0f ms (cycle %.2fx, from trigger %.2fx), "
                            + "emit delay p50 %.0f p95 %.0f p99 %.0f ms; naive %.1f/s; ratio %.1f; "
                            + "model requests %.0f at %.1f ms; "
                            + "CPU ms: stream %.0f, app other %.0f, forecaster %.0f, rest %.0f, JVM %.0f (JIT %.0f)",
                    markets,
                    label,
                    forecasts,
                    100 * modelShare,
                    totalMs,
                    perSec,
                    modelBoundMs,
                    cycleOverModelBound(),
                    fromTriggerOverModelBound(),
                    p50(),
                    p95(),
                    p99(),
                    naiveRate,
                    ratio,
                    requests,
                    requestMeanMs,
                    cpu.streamMs(),
                    cpu.appOtherMs(),
                    cpu.forecasterMs(),
                    cpu.restMs(),
                    cpu.jvmMs(),
                    cpu.jitMs());
        }

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
        report.add(scenario, "model-bound time (requests x mean latency / in flight)", "ms", series(Run::modelBoundMs));
        report.add(scenario, "cycle / model-bound (goal <= 1.2)", "ratio", series(Run::cycleOverModelBound));
        report.add(scenario, "trigger -> last / model-bound", "ratio", series(Run::fromTriggerOverModelBound));
        report.add(scenario, "emit delay p95 - model-bound (goal <= 100)", "ms", series(Run::p95OverModelBoundMs));
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
