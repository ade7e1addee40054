package io.tsfm.streams.bench;

import io.tsfm.streams.metrics.MetricNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code replay}: N markets, one tick a minute for some hours of two days ago, already in their topic, read by
 * a fresh app with a replay's settings (cycles from the first boundary, steps kept whatever their age) against
 * the local forecaster: forecasts per second, the stream thread's CPU time as a share of wall time, and the
 * time from start to the first and to the last forecast. Each run is a new application id over the same ticks.
 */
final class ReplayBenchmark {
    private static final long STEP_MS = BenchTicks.STEP_MS;

    private final BenchEnvironment env;
    private final java.io.PrintStream out;

    ReplayBenchmark(final BenchEnvironment env, final java.io.PrintStream out) {
        this.env = env;
        this.out = out;
    }

    void run(final int markets, final int hours, final int runs, final long jobDeadlineMs, final BenchReport report)
            throws InterruptedException {
        final String topic = env.unique("replay-ticks");
        env.createTopic(topic);
        final long start = Math.floorDiv(System.currentTimeMillis() - 2 * 86_400_000L, STEP_MS) * STEP_MS;
        final int minutes = hours * 60;
        long produced = 0;
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (int k = 0; k < minutes; k++) {
                final long ts = start + k * 60_000L;
                for (int m = 0; m < markets; m++) {
                    env.send(producer, BenchTicks.tick(topic, m, ts));
                    produced++;
                }
            }
            producer.flush();
            env.checkSent();
        }
        // every boundary the ticks make due: T0+5m .. the last tick's step start
        final long boundaries = (minutes - 1L) / 5;
        final long expected = boundaries * markets;
        out.printf(
                Locale.ROOT,
                "replay %d markets x %d h: %d ticks produced, %d forecasts expected%n",
                markets,
                hours,
                produced,
                expected);
        final String scenario =
                String.format(Locale.ROOT, "replay (%d markets x %d h, a tick a minute)", markets, hours);
        final List<Double> perSec = new ArrayList<>();
        final List<Double> first = new ArrayList<>();
        final List<Double> last = new ArrayList<>();
        final List<Double> cpuShare = new ArrayList<>();
        final List<Double> processShare = new ArrayList<>();
        final List<Double> appShare = new ArrayList<>();
        final List<Double> jitShare = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            final String appId = env.unique("replay");
            final Map<String, String> s =
                    AppUnderTest.baseSettings(env, appId, env.newDir(appId), "exactly_once_v2", topic);
            s.put("cycle.grace.ms", "0");
            s.put("cycle.window.start.ms", Long.toString(start));
            s.put("steps.changelog.retention.ms", "-1");
            s.put("job.deadline.ms", Long.toString(jobDeadlineMs));
            final ThreadCpu roles = ThreadCpu.start();
            try (AppUnderTest app = AppUnderTest.tsfm(s)) {
                final long t0 = System.nanoTime();
                app.start();
                double firstMs = Double.NaN;
                double lastMs = Double.NaN;
                double seen = 0;
                while (true) {
                    final double forecasts = app.metrics.total(MetricNames.FORECASTS);
                    final double now = (System.nanoTime() - t0) / 1e6;
                    if (forecasts > 0 && Double.isNaN(firstMs)) {
                        firstMs = now;
                    }
                    if (forecasts > seen) {
                        seen = forecasts;
                        lastMs = now;
                    }
                    if (seen >= expected && app.metrics.pendingJobs() == 0 && app.metrics.runningCycles() == 0) {
                        break;
                    }
                    if (app.failed()) {
                        throw new IllegalStateException("the replaying app failed (state ERROR)");
                    }
                    if (now > 1_800_000) {
                        throw new IllegalStateException("replay: " + seen + " of " + expected + " forecasts in 30 min");
                    }
                    Thread.sleep(5); // sampling the app's progress, not synchronising with it
                }
                final ThreadCpu.Split used = roles.since(); // before close ends the threads
                perSec.add(seen * 1000.0 / lastMs);
                first.add(firstMs / 1000.0);
                last.add(lastMs / 1000.0);
                cpuShare.add(100.0 * used.streamMs() / lastMs);
                processShare.add(100.0 * used.processMs() / lastMs);
                appShare.add(100.0 * (used.streamMs() + used.appOtherMs()) / lastMs);
                jitShare.add(100.0 * used.jitMs() / lastMs);
                out.printf(
                        Locale.ROOT,
                        "replay run %d: %.0f forecasts, first after %.1f s, last after %.1f s "
                                + "(%.0f/s); stream thread CPU %.0f %% of wall time, the app's threads %.0f %%, "
                                + "whole JVM %.0f %% (JIT compiler %.0f %%)%n",
                        r + 1,
                        seen,
                        firstMs / 1000,
                        lastMs / 1000,
                        perSec.get(r),
                        cpuShare.get(r),
                        appShare.get(r),
                        processShare.get(r),
                        jitShare.get(r));
            }
        }
        report.add(scenario, "forecasts per second (start to last forecast)", "1/s", perSec);
        report.add(scenario, "time to first forecast", "s", first);
        report.add(scenario, "time to last forecast", "s", last);
        report.add(scenario, "stream thread CPU time / wall time", "%", cpuShare);
        report.add(
                scenario,
                "the app's threads' CPU time / wall time (stream thread, request encoder, HTTP, producer)",
                "%",
                appShare);
        report.add(
                scenario,
                "whole JVM CPU time / wall time (broker and forecaster too; 2 cores = 200)",
                "%",
                processShare);
        report.add(scenario, "JIT compilation time / wall time (part of the whole JVM's)", "%", jitShare);
    }
}
