package io.tsfm.streams.bench;

import io.tsfm.streams.config.AppConfig;
import java.io.PrintStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cycle}: N markets with 24 h of ticks (288-step contexts), then one boundary-crossing tick per
 * partition; measures from the cycle start to the last forecast emitted, against the local forecaster
 * with a fixed latency per request plus a cost per series. Each further run crosses the next boundary
 * on the same app (one more tick per market first), which is the steady state of a live deployment.
 * {@code warmupRuns} such crossings come first, unreported: a JVM that has just started still compiles its
 * hot code (in this one JVM the broker's and forecaster's too), which a live instance has long done. In the
 * same run a naive caller makes one blocking single-series HTTP call per market.
 */
final class CycleBenchmark {
    private static final long STEP_MS = BenchTicks.STEP_MS;
    private static final long CONTEXT_MS = 288 * STEP_MS;

    /** Knobs of the scenario. */
    record Settings(
            int runs,
            int warmupRuns,
            int tickMinutes,
            int naiveMarkets,
            int seriesPerRequest,
            int maxInFlight,
            long jobDeadlineMs) {}

    private final BenchEnvironment env;
    private final PrintStream out;
    private double[] chartDelays = new double[0];
    private int chartMarkets;
    private Resources resources;

    CycleBenchmark(final BenchEnvironment env, final PrintStream out) {
        this.env = env;
        this.out = out;
    }

    double[] chartDelays() {
        return chartDelays;
    }

    int chartMarkets() {
        return chartMarkets;
    }

    Resources resources() {
        return resources;
    }

    void run(final List<Integer> marketCounts, final Settings settings, final BenchReport report)
            throws InterruptedException {
        report.setting("cycle.tick.every.minutes", settings.tickMinutes());
        report.setting("tollama.series.per.request", settings.seriesPerRequest());
        report.setting("tollama.max.in.flight", settings.maxInFlight());
        report.setting("job.deadline.ms", settings.jobDeadlineMs());
        report.setting("naive.markets.per.run", settings.naiveMarkets());
        report.setting("cycle.warmup.runs", settings.warmupRuns());
        final int largest =
                marketCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (final int markets : marketCounts) {
            runMarkets(markets, settings, report, markets == largest);
        }
    }

    private void runMarkets(
            final int markets, final Settings settings, final BenchReport report, final boolean snapshotResources)
            throws InterruptedException {
        final String topic = env.unique("cycle-ticks");
        env.createTopic(topic);
        final long now = System.currentTimeMillis();
        final int crossings = settings.warmupRuns() + settings.runs();
        final long firstBoundary = Math.floorDiv(now, STEP_MS) * STEP_MS - (crossings + 1L) * STEP_MS;
        final long tickMs = settings.tickMinutes() * 60_000L;
        final int[] triggers = BenchTicks.triggerMarkets(markets);
        final CycleTicks ticks = new CycleTicks(env, topic, markets);

        final String appId = env.unique("cycle");
        final Map<String, String> s = cycleSettings(
                env,
                appId,
                topic,
                firstBoundary,
                settings.seriesPerRequest(),
                settings.maxInFlight(),
                settings.jobDeadlineMs());
        // The last horizon of the build-up runs published cycles (cycleSettings), so each measured boundary
        // first scores one boundary's published forecasts of every market and writes their score records, as a
        // live app does. Before that, cycles are off (a day of cycles would cost minutes of model calls).
        final long warmFrom = publishedFrom(s);
        // oldest first, from one tick interval before the 24 h window (the look-back seed) to 1 min before the
        // boundary
        final long seedFrom = firstBoundary - 60_000L - CONTEXT_MS / tickMs * tickMs;

        final long t0 = System.nanoTime();
        long produced = ticks.span(seedFrom, seedFrom, warmFrom, tickMs);
        final long coldTicks = produced;
        final double produceSec = (System.nanoTime() - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "cycle %d markets: %d build-up ticks before the last horizon produced in %.1f s%n",
                markets,
                produced,
                produceSec);

        double catchUpRate;
        final Map<String, String> cold = new HashMap<>(s);
        cold.put("cycle.window.end.ms", Long.toString(946_684_800_000L)); // 2000-01-01: no cycles at all
        try (AppUnderTest app = AppUnderTest.tsfm(cold, false)) {
            app.start();
            final long caughtUp = env.awaitCommitted(appId, topic, produced, 900_000, app::failed);
            catchUpRate = produced * 1000.0 / Math.max(1, caughtUp - FirstConsumed.FIRST_MS.get());
            out.printf(
                    Locale.ROOT, "cycle %d markets: app caught up at %.0f ticks/s (no cycles)%n", markets, catchUpRate);
        }
        produced += ticks.span(seedFrom, warmFrom, firstBoundary, tickMs);
        out.printf(
                Locale.ROOT,
                "cycle %d markets: %d build-up ticks (%d per market), %d in the last horizon%n",
                markets,
                produced,
                produced / markets,
                produced - coldTicks);

        final CycleFigures figures = new CycleFigures();
        try (AppUnderTest app = AppUnderTest.tsfm(s)) {
            final long warmStart = System.nanoTime();
            app.start();
            env.awaitCommitted(appId, topic, produced, 900_000, app::failed);
            CycleProbe.awaitIdle(app, 120_000); // the last horizon's jobs answered before the first crossing
            out.printf(
                    Locale.ROOT,
                    "cycle %d markets: last horizon with published cycles caught up in %.1f s%n",
                    markets,
                    (System.nanoTime() - warmStart) / 1e9);
            long total = produced;
            for (int r = 0; r < crossings; r++) {
                final long boundary = firstBoundary + r * STEP_MS;
                if (r > 0) {
                    ticks.everyMarket(boundary - 60_000L);
                    total += markets;
                    env.awaitCommitted(appId, topic, total, 300_000, app::failed);
                }
                final int measured = r - settings.warmupRuns() + 1; // <= 0: a warm-up run
                final CycleFigures.Run run =
                        measure(app, ticks, triggers, markets, boundary, measured, settings, report);
                if (measured > 0) {
                    figures.add(run);
                }
                total += triggers.length;
            }
            if (snapshotResources) {
                resources = Resources.snapshot(markets, app);
                out.printf(Locale.ROOT, "resources %d markets: %s%n", markets, resources);
            }
        }
        figures.report(report, "cycle (" + markets + " markets)", catchUpRate);
        final int median = figures.medianRun();
        if (markets >= chartMarkets) {
            chartMarkets = markets;
            chartDelays = figures.delays(median);
        }
    }

    /**
     * A tsfm app's settings for the cycle workload: no grace, cycles published from one horizon before
     * {@code firstBoundary}. A forecast's score record is written only when the forecast was published, so
     * with the window starting later the first horizon of measured boundaries would score forecasts silently
     * and skip the score records a live app writes every cycle.
     */
    static Map<String, String> cycleSettings(
            final BenchEnvironment env,
            final String appId,
            final String topic,
            final long firstBoundary,
            final int seriesPerRequest,
            final int maxInFlight,
            final long jobDeadlineMs) {
        final Map<String, String> s =
                AppUnderTest.baseSettings(env, appId, env.newDir(appId), "exactly_once_v2", topic);
        s.put("cycle.grace.ms", "0");
        s.put("tollama.series.per.request", Integer.toString(seriesPerRequest));
        s.put("tollama.max.in.flight", Integer.toString(maxInFlight));
        s.put("job.deadline.ms", Long.toString(jobDeadlineMs));
        final long horizonMs = (long) AppConfig.of(s).forecastSettings().horizon() * STEP_MS;
        s.put("cycle.window.start.ms", Long.toString(firstBoundary - horizonMs));
        return s;
    }

    /** Where {@link #cycleSettings} starts publishing: the build-up's last horizon, read with cycles on. */
    static long publishedFrom(final Map<String, String> settings) {
        return Long.parseLong(settings.get("cycle.window.start.ms"));
    }

    /**
     * Crosses one boundary: sends the trigger ticks, waits until every market has its forecast, then reads the
     * cycle's figures and, for a measured run ({@code run} >= 1; a warm-up run is numbered 0 or below), times
     * the naive caller at the same boundary.
     */
    private CycleFigures.Run measure(
            final AppUnderTest app,
            final CycleTicks ticks,
            final int[] triggers,
            final int markets,
            final long boundary,
            final int run,
            final Settings settings,
            final BenchReport report)
            throws InterruptedException {
        final long waited = CycleProbe.awaitIdle(app, 180_000);
        if (waited > 1_000) {
            report.note(String.format(
                    Locale.ROOT,
                    "cycle %d markets run %d: began %d ms late, the crossing before still at work",
                    markets,
                    run,
                    waited));
        }
        final CycleProbe probe = new CycleProbe(app);
        final ThreadCpu cpu = ThreadCpu.start();
        final long triggerSentMs = System.currentTimeMillis();
        ticks.only(triggers, boundary + 1_000L);
        final long deadline = System.currentTimeMillis() + 180_000;
        while (probe.forecasts() < markets || probe.sampleCount() < markets) { // a delay is timed after its count
            if (app.failed() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("cycle at " + Instant.ofEpochMilli(boundary) + ": only "
                        + probe.forecasts() + " of " + markets + " forecasts emitted");
            }
            Thread.sleep(5);
        }
        final ThreadCpu.Split used = cpu.since();
        final List<EmitDelayRegistry.Sample> samples = probe.samples();
        final double model = probe.model();
        final double[] delays =
                samples.stream().mapToDouble(EmitDelayRegistry.Sample::delayMs).toArray();
        final long start = samples.stream()
                .mapToLong(EmitDelayRegistry.Sample::cycleStartMs)
                .min()
                .orElse(0);
        final long last = samples.stream()
                .mapToLong(EmitDelayRegistry.Sample::recordedAtMs)
                .max()
                .orElse(0);
        final double took = samples.isEmpty() ? Double.NaN : last - start;
        probe.fallbacksSince((reason, d) -> report.note(
                String.format(Locale.ROOT, "cycle %d markets run %d: %.0f fallbacks %s", markets, run, d, reason)));
        final double fromTrigger = samples.isEmpty() ? Double.NaN : last - triggerSentMs;
        final double scored = probe.scored();
        final double perSec = samples.isEmpty() ? Double.NaN : markets * 1000.0 / Math.max(1, took);
        final double streamThreadMs = probe.streamThreadMs();
        final long calls = probe.requests();
        final double requestMeanMs = calls == 0 ? Double.NaN : probe.requestTimeMs() / calls;
        final double naive = run > 0
                ? NaiveCaller.forecastsPerSecond(env, Math.min(markets, settings.naiveMarkets()), boundary)
                : Double.NaN;
        final CycleFigures.Run figures = new CycleFigures.Run(
                took,
                fromTrigger,
                scored,
                perSec,
                delays,
                model / markets,
                streamThreadMs,
                (double) calls,
                requestMeanMs,
                naive,
                markets * 1000.0 / naive,
                perSec / naive,
                calls * requestMeanMs / settings.maxInFlight(),
                used);
        out.println(figures.line(
                markets, run > 0 ? "run " + run : "warm-up run " + (settings.warmupRuns() + run), samples.size()));
        return figures;
    }
}
