package io.tsfm.streams.bench;

import io.micrometer.core.instrument.Timer;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.MetricNames;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.TollamaClient;
import io.tsfm.streams.model.TollamaSettings;
import io.tsfm.streams.stream.ForecastSettings;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * {@code cycle}: N markets with 24 h of ticks (288-step contexts), then one boundary-crossing tick per
 * partition; measures from the cycle start to the last forecast emitted, against the local forecaster
 * with a fixed latency per request plus a cost per series. Each further run crosses the next boundary
 * on the same app (one more tick per market first), which is the steady state of a live deployment.
 * In the same run a naive caller makes one blocking single-series HTTP call per market.
 */
final class CycleBenchmark {
    static final long STEP_MS = 300_000L;
    private static final long CONTEXT_MS = 288 * STEP_MS;

    /** Knobs of the scenario. */
    record Settings(
            int runs, int tickMinutes, int naiveMarkets, int seriesPerRequest, int maxInFlight, long jobDeadlineMs) {}

    /** What the resources scenario reads after the cycle runs of the largest market count. */
    record Resources(
            int markets,
            double heapUsedMb,
            double heapUsedAfterGcMb,
            double heapCommittedMb,
            double rssMb,
            double stateDirMb) {}

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
        final long firstBoundary = Math.floorDiv(now, STEP_MS) * STEP_MS - (settings.runs() + 1L) * STEP_MS;
        final long tickMs = settings.tickMinutes() * 60_000L;
        final int[] triggers = triggerMarkets(markets);

        final String appId = env.unique("cycle");
        final Map<String, String> s =
                AppUnderTest.baseSettings(env, appId, env.newDir(appId), "exactly_once_v2", topic);
        s.put("cycle.grace.ms", "0");
        s.put("cycle.window.start.ms", Long.toString(firstBoundary));
        s.put("tollama.series.per.request", Integer.toString(settings.seriesPerRequest()));
        s.put("tollama.max.in.flight", Integer.toString(settings.maxInFlight()));
        s.put("job.deadline.ms", Long.toString(settings.jobDeadlineMs()));
        // The last horizon of the build-up runs silent warm-up cycles (boundaries before the window start do),
        // so each measured boundary first scores one boundary's forecasts of every market, as a live app
        // does. Before that, cycles are off (a day of warm-up cycles would cost minutes of model calls).
        final long warmFrom =
                firstBoundary - (long) ForecastSettings.from(AppConfig.of(s)).horizon() * STEP_MS;

        final long t0 = System.nanoTime();
        long produced = 0;
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            // oldest first, from one tick interval before the 24 h window (the look-back seed) to 1 min before the
            // boundary
            for (long ts = firstBoundary - 60_000L - CONTEXT_MS / tickMs * tickMs; ts < warmFrom; ts += tickMs) {
                for (int m = 0; m < markets; m++) {
                    send(producer, topic, m, ts);
                    produced++;
                }
            }
            producer.flush();
            env.checkSent();
        }
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
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (long ts = firstBoundary - 60_000L - CONTEXT_MS / tickMs * tickMs; ts < firstBoundary; ts += tickMs) {
                if (ts < warmFrom) {
                    continue;
                }
                for (int m = 0; m < markets; m++) {
                    send(producer, topic, m, ts);
                    produced++;
                }
            }
            producer.flush();
            env.checkSent();
        }
        out.printf(
                Locale.ROOT,
                "cycle %d markets: %d build-up ticks (%d per market), %d in the last horizon%n",
                markets,
                produced,
                produced / markets,
                produced - coldTicks);

        final List<Double> totalMs = new ArrayList<>();
        final List<Double> perSec = new ArrayList<>();
        final List<Double> p50 = new ArrayList<>();
        final List<Double> p95 = new ArrayList<>();
        final List<Double> p99 = new ArrayList<>();
        final List<Double> modelShare = new ArrayList<>();
        final List<Double> streamThreadMs = new ArrayList<>();
        final List<Double> naiveRate = new ArrayList<>();
        final List<Double> naiveTotal = new ArrayList<>();
        final List<Double> ratio = new ArrayList<>();
        final List<double[]> delaysPerRun = new ArrayList<>();
        final List<Double> requestMeanMs = new ArrayList<>();
        final List<Double> requests = new ArrayList<>();
        final List<Double> fromTrigger = new ArrayList<>();
        final List<Double> scored = new ArrayList<>();
        try (AppUnderTest app = AppUnderTest.tsfm(s)) {
            final long warmStart = System.nanoTime();
            app.start();
            env.awaitCommitted(appId, topic, produced, 900_000, app::failed);
            final long settleBy = System.currentTimeMillis() + 120_000;
            while ((app.metrics.pendingJobs() > 0 || app.metrics.runningCycles() > 0)
                    && System.currentTimeMillis() < settleBy
                    && !app.failed()) {
                Thread.sleep(5); // the last warm-up cycles' jobs must be answered before the first measured one
            }
            out.printf(
                    Locale.ROOT,
                    "cycle %d markets: last horizon with silent warm-up cycles caught up in %.1f s%n",
                    markets,
                    (System.nanoTime() - warmStart) / 1e9);
            long total = produced;
            for (int r = 0; r < settings.runs(); r++) {
                final long boundary = firstBoundary + r * STEP_MS;
                if (r > 0) {
                    try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
                        for (int m = 0; m < markets; m++) {
                            send(producer, topic, m, boundary - 60_000L);
                        }
                        producer.flush();
                        env.checkSent();
                    }
                    total += markets;
                    env.awaitCommitted(appId, topic, total, 300_000, app::failed);
                }
                final TsfmMetrics metrics = app.metrics;
                final int samplesBefore = app.registry.sampleCount();
                final double forecastsBefore = metrics.total(MetricNames.FORECASTS);
                final double modelBefore = metrics.count(MetricNames.FORECASTS, "runtime", "tollama");
                final Timer cycleTimer =
                        app.registry.find(MetricNames.CYCLE_DURATION).timer();
                final double cycleBefore = cycleTimer.totalTime(TimeUnit.MILLISECONDS);
                final Timer requestTimer = app.registry
                        .find(MetricNames.REQUEST_DURATION)
                        .tag("status", "ok")
                        .timer();
                final double requestTimeBefore = requestTimer.totalTime(TimeUnit.MILLISECONDS);
                final long requestsBefore = requestTimer.count();
                final Map<String, Double> fallbacksBefore = fallbacks(app);
                final double scoredBefore = scoredTotal(app);
                final long triggerSentMs = System.currentTimeMillis();
                try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
                    for (final int m : triggers) {
                        send(producer, topic, m, boundary + 1_000L);
                    }
                    producer.flush();
                    env.checkSent();
                }
                total += triggers.length;
                final long deadline = System.currentTimeMillis() + 180_000;
                while (metrics.total(MetricNames.FORECASTS) - forecastsBefore < markets) {
                    if (app.failed() || System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("cycle at " + Instant.ofEpochMilli(boundary) + ": only "
                                + (metrics.total(MetricNames.FORECASTS) - forecastsBefore) + " of " + markets
                                + " forecasts emitted");
                    }
                    Thread.sleep(5);
                }
                final List<EmitDelayRegistry.Sample> samples = app.registry.samplesFrom(samplesBefore);
                final double model = metrics.count(MetricNames.FORECASTS, "runtime", "tollama") - modelBefore;
                final double[] delays = samples.stream()
                        .mapToDouble(EmitDelayRegistry.Sample::delayMs)
                        .toArray();
                final long start = samples.stream()
                        .mapToLong(EmitDelayRegistry.Sample::cycleStartMs)
                        .min()
                        .orElse(0);
                final long last = samples.stream()
                        .mapToLong(EmitDelayRegistry.Sample::recordedAtMs)
                        .max()
                        .orElse(0);
                final double took = samples.isEmpty() ? Double.NaN : last - start;
                final Map<String, Double> fallbacksAfter = fallbacks(app);
                fallbacksAfter.forEach((reason, n) -> {
                    final double d = n - fallbacksBefore.getOrDefault(reason, 0.0);
                    if (d > 0) {
                        report.note(String.format(
                                Locale.ROOT,
                                "cycle %d markets run %d: %.0f fallbacks %s",
                                markets,
                                totalMs.size() + 1,
                                d,
                                reason));
                    }
                });
                totalMs.add(took);
                fromTrigger.add(samples.isEmpty() ? Double.NaN : last - triggerSentMs);
                scored.add(scoredTotal(app) - scoredBefore);
                perSec.add(samples.isEmpty() ? Double.NaN : markets * 1000.0 / Math.max(1, took));
                p50.add(Stats.percentile(delays, 50));
                p95.add(Stats.percentile(delays, 95));
                p99.add(Stats.percentile(delays, 99));
                modelShare.add(model / markets);
                streamThreadMs.add(cycleTimer.totalTime(TimeUnit.MILLISECONDS) - cycleBefore);
                delaysPerRun.add(delays);
                final long calls = requestTimer.count() - requestsBefore;
                requests.add((double) calls);
                requestMeanMs.add(
                        calls == 0
                                ? Double.NaN
                                : (requestTimer.totalTime(TimeUnit.MILLISECONDS) - requestTimeBefore) / calls);
                final double naive = naive(Math.min(markets, settings.naiveMarkets()), boundary);
                naiveRate.add(naive);
                naiveTotal.add(markets * 1000.0 / naive);
                ratio.add(perSec.get(r) / naive);
                out.printf(
                        Locale.ROOT,
                        "cycle %d markets run %d: %d forecasts (%.0f%% from the model) in %.0f ms "
                                + "(%.0f/s), emit delay p50 %.0f p95 %.0f p99 %.0f ms; naive %.1f/s; ratio %.1f%n",
                        markets,
                        r + 1,
                        samples.size(),
                        100 * model / markets,
                        took,
                        perSec.get(r),
                        p50.get(r),
                        p95.get(r),
                        p99.get(r),
                        naive,
                        ratio.get(r));
            }
            if (snapshotResources) {
                resources = snapshot(markets, app);
                out.printf(Locale.ROOT, "resources %d markets: %s%n", markets, resources);
            }
        }
        final String scenario = "cycle (" + markets + " markets)";
        report.add(scenario, "build-up catch-up (EOS, no cycles)", "ticks/s", List.of(catchUpRate));
        report.add(scenario, "cycle start -> last forecast emitted", "ms", totalMs);
        report.add(scenario, "trigger ticks sent -> last forecast emitted (incl. scoring)", "ms", fromTrigger);
        report.add(scenario, "forecasts scored at the boundary", "count", scored);
        report.add(scenario, "forecasts per second", "1/s", perSec);
        report.add(scenario, "emit delay p50", "ms", p50);
        report.add(scenario, "emit delay p95", "ms", p95);
        report.add(scenario, "emit delay p99", "ms", p99);
        report.add(scenario, "share answered by the model (rest: deadline fallback)", "fraction", modelShare);
        report.add(scenario, "stream-thread cycle time (sum over tasks)", "ms", streamThreadMs);
        report.add(scenario, "model requests (status ok)", "count", requests);
        report.add(scenario, "model request latency, client side, mean", "ms", requestMeanMs);
        report.add(scenario, "naive caller (1 blocking call per market)", "1/s", naiveRate);
        report.add(scenario, "naive caller, time for all markets (extrapolated)", "ms", naiveTotal);
        report.add(scenario, "app / naive", "ratio", ratio);
        final int median = Stats.medianIndex(
                totalMs.stream().mapToDouble(Double::doubleValue).toArray());
        if (markets >= chartMarkets) {
            chartMarkets = markets;
            chartDelays = delaysPerRun.get(median);
        }
    }

    private static double scoredTotal(final AppUnderTest app) {
        return app.registry.find(MetricNames.FORECASTS_SCORED).counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static Map<String, Double> fallbacks(final AppUnderTest app) {
        final Map<String, Double> out = new HashMap<>();
        app.registry
                .find(MetricNames.FALLBACK)
                .counters()
                .forEach(c -> out.merge(String.valueOf(c.getId().getTag("reason")), c.count(), Double::sum));
        return out;
    }

    /** One market per partition (by the default partitioner's hash of the key): the boundary-crossing ticks. */
    private static int[] triggerMarkets(final int markets) {
        final int[] out = new int[BenchEnvironment.PARTITIONS];
        final boolean[] found = new boolean[out.length];
        int left = out.length;
        for (int m = 0; m < markets && left > 0; m++) {
            final byte[] key = IngestBenchmark.marketId(m).getBytes(StandardCharsets.UTF_8);
            final int p = Utils.toPositive(Utils.murmur2(key)) % out.length;
            if (!found[p]) {
                found[p] = true;
                out[p] = m;
                left--;
            }
        }
        if (left > 0) {
            throw new IllegalArgumentException("too few markets to reach every partition: " + markets);
        }
        return out;
    }

    static double price(final int market, final long ts) {
        return Math.round((0.5 + 0.35 * Math.sin(ts / (double) STEP_MS / 40.0 + market)) * 10_000) / 10_000.0;
    }

    private void send(final KafkaProducer<byte[], byte[]> producer, final String topic, final int m, final long ts) {
        env.send(producer, tick(topic, m, ts));
    }

    /** Market {@code m}'s tick at {@code ts} as the benchmarks produce it: keyed, JSON, bucket high. */
    static ProducerRecord<byte[], byte[]> tick(final String topic, final int m, final long ts) {
        final String market = IngestBenchmark.marketId(m);
        final String json = "{\"market_id\":\"" + market + "\",\"ts\":" + ts + ",\"p_yes\":" + price(m, ts)
                + ",\"liquidity_bucket\":\"high\"}";
        return new ProducerRecord<>(
                topic, null, ts, market.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The naive caller: for each market, one blocking HTTP request with its single 288-step series
     * (same model, grid timestamps and logit values the app sends), one after the other.
     *
     * @return forecasts per second
     */
    private double naive(final int count, final long boundary) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", env.bootstrap());
        s.put("application.id", "bench-naive");
        s.put("tollama.url", env.forecasterUrl());
        s.put("tollama.model", "mock");
        s.put("tollama.series.per.request", "1");
        s.put("tollama.max.in.flight", "1");
        s.put("ops.port", "0");
        final AppConfig config = AppConfig.of(s);
        final String[] stamps = new String[288];
        for (int i = 0; i < 288; i++) {
            stamps[i] = Instant.ofEpochMilli(boundary - (287 - i) * STEP_MS).toString();
        }
        try (TollamaClient client = new TollamaClient(TollamaSettings.from(config), TsfmMetrics.inMemory())) {
            final long t0 = System.nanoTime();
            for (int m = 0; m < count; m++) {
                final double[] target = new double[288];
                for (int i = 0; i < 288; i++) {
                    final double p = Math.min(1 - 1e-6, Math.max(1e-6, price(m, boundary - (288 - i) * STEP_MS)));
                    target[i] = Math.log(p / (1 - p));
                }
                final SeriesInput series =
                        new SeriesInput(IngestBenchmark.marketId(m) + "|" + boundary, stamps, target);
                final BatchResult result =
                        client.trySubmit(List.of(series)).orElseThrow().join();
                if (result.failed()) {
                    throw new IllegalStateException("naive call failed: " + result.failureDetail());
                }
            }
            return count * 1e9 / (System.nanoTime() - t0);
        }
    }

    /** Heap and RSS while the app runs; then the state dir once closing has flushed the stores to disk. */
    private Resources snapshot(final int markets, final AppUnderTest app) {
        final var mem = ManagementFactory.getMemoryMXBean();
        final double used = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
        final double committed = mem.getHeapMemoryUsage().getCommitted() / 1048576.0;
        final double rss = rssKb() / 1024.0;
        System.gc();
        final double afterGc = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
        app.streams.close(java.time.Duration.ofSeconds(60));
        return new Resources(markets, used, afterGc, committed, rss, BenchFiles.sizeOf(app.stateDir) / 1048576.0);
    }

    static long rssKb() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (final java.io.IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
