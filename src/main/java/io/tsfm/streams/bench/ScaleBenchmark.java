package io.tsfm.streams.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code scale}: the cycle workload (N markets with 24 h of ticks, then one boundary-crossing tick per
 * partition) on 1, 2, 4 ... instances of the application, each a JVM of its own ({@code run}), one broker,
 * 12 partitions: the cycle's wall time, forecasts per second in all and per instance, and how the work
 * spreads over the instances (their shares of the forecasts).
 */
final class ScaleBenchmark {
    static final int PARTITIONS = 12;
    private static final long STEP_MS = BenchTicks.STEP_MS;
    private static final long CONTEXT_MS = 288 * STEP_MS;
    private static final String FORECASTS = "tsfm_forecasts_total";
    private static final String CYCLE_SECONDS = "tsfm_cycle_duration_seconds_sum";

    /** Knobs of the scenario. */
    record Settings(int runs, int tickMinutes, int seriesPerRequest, int maxInFlight, long jobDeadlineMs, int heapMb) {}

    private final BenchEnvironment env;
    private final PrintStream out;

    ScaleBenchmark(final BenchEnvironment env, final PrintStream out) {
        this.env = env;
        this.out = out;
    }

    void run(final int markets, final List<Integer> instanceCounts, final Settings settings, final BenchReport report)
            throws InterruptedException {
        report.setting("scale.partitions", PARTITIONS);
        report.setting("scale.instance.heap.mb", settings.heapMb());
        report.setting("tollama.series.per.request", settings.seriesPerRequest());
        report.setting("tollama.max.in.flight (per instance)", settings.maxInFlight());
        for (final int k : instanceCounts) {
            runInstances(markets, k, settings, report);
        }
    }

    private void runInstances(final int markets, final int k, final Settings settings, final BenchReport report)
            throws InterruptedException {
        final String topic = env.unique("scale-ticks");
        env.createTopic(topic, PARTITIONS);
        final long firstBoundary =
                Math.floorDiv(System.currentTimeMillis(), STEP_MS) * STEP_MS - (settings.runs() + 1L) * STEP_MS;
        final long tickMs = settings.tickMinutes() * 60_000L;
        final CycleTicks ticks = new CycleTicks(env, topic, markets);
        final int[] triggers = BenchTicks.triggerMarkets(markets, PARTITIONS);
        final String appId = env.unique("scale-" + k);
        final Map<String, String> s = CycleBenchmark.cycleSettings(
                env,
                appId,
                topic,
                firstBoundary,
                settings.seriesPerRequest(),
                settings.maxInFlight(),
                settings.jobDeadlineMs());
        s.put("topics.partitions", Integer.toString(PARTITIONS));
        // As the cycle scenario: the build-up up to the last horizon is read with cycles off (a day of cycles
        // would cost minutes of model calls), the last horizon with published cycles, so that each measured
        // boundary first scores one boundary's published forecasts of every market, as live.
        final long warmFrom = CycleBenchmark.publishedFrom(s);
        final long seedFrom = firstBoundary - 60_000L - CONTEXT_MS / tickMs * tickMs;
        long total = ticks.span(seedFrom, seedFrom, warmFrom, tickMs);
        final Map<String, String> cold = new HashMap<>(s);
        cold.put("cycle.window.end.ms", Long.toString(946_684_800_000L)); // 2000-01-01: no cycles at all
        final long started = System.nanoTime();
        final List<InstanceProcess> coldApps = start(cold, appId, k, settings.heapMb());
        try {
            env.awaitCommitted(appId, topic, total, 900_000, () -> anyFailed(coldApps));
        } finally {
            close(coldApps);
        }
        total += ticks.span(seedFrom, warmFrom, firstBoundary, tickMs);
        out.printf(
                Locale.ROOT,
                "scale %d instances: %d build-up ticks of %d markets read in %.1f s (cycles off but the last horizon)%n",
                k,
                total,
                markets,
                (System.nanoTime() - started) / 1e9);

        final String scenario = "scale (" + markets + " markets, " + k + (k == 1 ? " instance)" : " instances)");
        final List<Double> took = new ArrayList<>();
        final List<Double> rate = new ArrayList<>();
        final List<Double> perInstance = new ArrayList<>();
        final List<Double> maxShare = new ArrayList<>();
        final List<Double> cycleCpu = new ArrayList<>();
        final List<InstanceProcess> apps = start(s, appId, k, settings.heapMb());
        try {
            env.awaitCommitted(appId, topic, total, 900_000, () -> anyFailed(apps));
            awaitIdle(apps);
            for (int r = 0; r < settings.runs(); r++) {
                final long boundary = firstBoundary + r * STEP_MS;
                if (r > 0) {
                    ticks.everyMarket(boundary - 60_000L);
                    total += markets;
                    env.awaitCommitted(appId, topic, total, 300_000, () -> anyFailed(apps));
                }
                final double[] before = samples(apps, FORECASTS);
                final double[] cpuBefore = samples(apps, CYCLE_SECONDS);
                final long sent = System.currentTimeMillis();
                ticks.only(triggers, boundary + 1_000L);
                total += triggers.length;
                final double[] after = awaitForecasts(apps, before, markets, boundary);
                final double ms = System.currentTimeMillis() - sent;
                final double[] cpuAfter = samples(apps, CYCLE_SECONDS);
                final double[] each = new double[k];
                double cpu = 0;
                for (int i = 0; i < k; i++) {
                    each[i] = after[i] - before[i];
                    cpu = Math.max(cpu, cpuAfter[i] - cpuBefore[i]);
                }
                final double all = Arrays.stream(each).sum();
                took.add(ms);
                rate.add(all * 1000.0 / ms);
                perInstance.add(all * 1000.0 / ms / k);
                maxShare.add(100 * Arrays.stream(each).max().orElse(0) / Math.max(1, all));
                cycleCpu.add(cpu * 1000);
                out.printf(
                        Locale.ROOT,
                        "scale %d instances run %d: %.0f forecasts in %.0f ms from the trigger (%.0f/s, %.0f/s per "
                                + "instance); forecasts per instance %s; slowest instance's cycle thread time %.0f ms%n",
                        k,
                        r + 1,
                        all,
                        ms,
                        all * 1000.0 / ms,
                        all * 1000.0 / ms / k,
                        Arrays.toString(
                                Arrays.stream(each).mapToLong(Math::round).toArray()),
                        cpu * 1000);
            }
        } finally {
            close(apps);
        }
        report.add(scenario, "cycle: trigger to the last forecast", "ms", took);
        report.add(scenario, "forecasts per second, all instances", "1/s", rate);
        report.add(scenario, "forecasts per second per instance", "1/s", perInstance);
        report.add(scenario, "largest instance's share of the forecasts", "%", maxShare);
        report.add(scenario, "slowest instance's cycle stream-thread time (all its tasks)", "ms", cycleCpu);
    }

    /** Waits until the instances together emitted {@code markets} forecasts more than {@code before}. */
    private double[] awaitForecasts(
            final List<InstanceProcess> apps, final double[] before, final int markets, final long boundary)
            throws InterruptedException {
        final long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            final double[] now = samples(apps, FORECASTS);
            double sum = 0;
            for (int i = 0; i < now.length; i++) {
                sum += now[i] - before[i];
            }
            if (sum >= markets) {
                return now;
            }
            if (anyFailed(apps) || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("scale: cycle at boundary " + boundary + ": " + (long) sum + " of "
                        + markets + " forecasts" + (anyFailed(apps) ? "; an instance exited:\n" + tails(apps) : ""));
            }
            Thread.sleep(20);
        }
    }

    private List<InstanceProcess> start(
            final Map<String, String> settings, final String appId, final int k, final int heapMb) {
        final List<InstanceProcess> apps = new ArrayList<>();
        try {
            for (int i = 0; i < k; i++) {
                apps.add(InstanceProcess.start(settings, env.newDir(appId + "-" + i), heapMb));
            }
        } catch (final RuntimeException e) {
            try {
                close(apps); // the ones that did start
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return apps;
    }

    private static void close(final List<InstanceProcess> apps) throws InterruptedException {
        for (final InstanceProcess app : apps) {
            app.close();
        }
    }

    /** Waits until the warm-up cycles' jobs are answered and no instance has cycle work left. */
    private static void awaitIdle(final List<InstanceProcess> apps) throws InterruptedException {
        final long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline && !anyFailed(apps)) {
            double busy = 0;
            for (final InstanceProcess a : apps) {
                final String text = a.scrape();
                busy += text.isEmpty()
                        ? 1
                        : InstanceProcess.Exposition.sum(text, "tsfm_pending_jobs")
                                + InstanceProcess.Exposition.sum(text, "tsfm_cycles_running");
            }
            if (busy == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    private static double[] samples(final List<InstanceProcess> apps, final String name) {
        return apps.stream().mapToDouble(a -> a.sample(name)).toArray();
    }

    private static boolean anyFailed(final List<InstanceProcess> apps) {
        return apps.stream().anyMatch(InstanceProcess::failed);
    }

    private static String tails(final List<InstanceProcess> apps) {
        final StringBuilder b = new StringBuilder();
        for (final InstanceProcess a : apps) {
            if (a.failed()) {
                b.append(a.logTail()).append('\n');
            }
        }
        return b.toString();
    }
}
