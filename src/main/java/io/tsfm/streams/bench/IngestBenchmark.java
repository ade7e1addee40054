package io.tsfm.streams.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;

/**
 * {@code ingest}: ticks per second through the full tsfm topology versus a pass-through topology (same
 * bytes, same guarantee, same stream threads, same broker, same run). Cycles are switched off
 * ({@code cycle.window.end.ms} in 2000, before every tick: boundaries before the window start still run
 * silent warm-up cycles, so the start alone would not do) so the figure is ingestion: parse, validate, the
 * step-store and market-state writes, changelogs, commits. The clock runs from the first poll that returned
 * records to the moment the group's committed offsets reach the topic's end offsets.
 */
final class IngestBenchmark {
    private static final long NO_CYCLES_AFTER = 946_684_800_000L; // 2000-01-01, before every tick
    private static final long TIMEOUT_MS = 600_000;

    private final BenchEnvironment env;
    private final PrintStream out;

    IngestBenchmark(final BenchEnvironment env, final PrintStream out) {
        this.env = env;
        this.out = out;
    }

    void run(
            final int ticks,
            final int markets,
            final List<String> guarantees,
            final List<Integer> threadCounts,
            final int runs,
            final BenchReport report)
            throws InterruptedException {
        final String topic = env.unique("ingest-ticks");
        env.createTopic(topic);
        final long produced = produce(topic, ticks, markets);
        out.printf(Locale.ROOT, "ingest: %d ticks of %d markets in %s%n", produced, markets, topic);
        report.setting("ingest.ticks", ticks);
        report.setting("ingest.markets", markets);
        report.setting("ingest.stream.threads", threadCounts);
        report.setting("ingest.warm-up", "one untimed pair first");
        // the JIT compiles both topologies' paths in the first runs of a JVM; without a warm-up the first row's
        // first run measures mostly that
        final double wa = measure(topic, produced, guarantees.get(0), threadCounts.get(0), false);
        final double wp = measure(topic, produced, guarantees.get(0), threadCounts.get(0), true);
        out.printf(
                Locale.ROOT, "ingest warm-up (not reported): tsfm %.0f ticks/s, pass-through %.0f ticks/s%n", wa, wp);
        for (final String guarantee : guarantees) {
            for (final int threads : threadCounts) {
                final List<Double> app = new ArrayList<>();
                final List<Double> pass = new ArrayList<>();
                final List<Double> ratio = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    final double a = measure(topic, produced, guarantee, threads, false);
                    final double p = measure(topic, produced, guarantee, threads, true);
                    out.printf(
                            Locale.ROOT,
                            "ingest %s, %d stream thread(s), run %d: tsfm %.0f ticks/s, "
                                    + "pass-through %.0f ticks/s, ratio %.3f%n",
                            guarantee,
                            threads,
                            r + 1,
                            a,
                            p,
                            a / p);
                    app.add(a);
                    pass.add(p);
                    ratio.add(a / p);
                }
                final String scenario = "ingest (" + guarantee + ", " + threads
                        + (threads == 1 ? " stream thread)" : " stream threads)");
                report.add(scenario, "tsfm topology", "ticks/s", app);
                report.add(scenario, "pass-through topology", "ticks/s", pass);
                report.add(scenario, "tsfm / pass-through", "ratio", ratio);
            }
        }
    }

    private double measure(
            final String topic,
            final long produced,
            final String guarantee,
            final int threads,
            final boolean passThrough)
            throws InterruptedException {
        final String appId = env.unique(passThrough ? "pass" : "ingest");
        final AppUnderTest app;
        if (passThrough) {
            final String outTopic = appId + "-out";
            env.createTopic(outTopic);
            app = AppUnderTest.passThrough(env, appId, env.newDir(appId), guarantee, threads, topic, outTopic);
        } else {
            final var s = AppUnderTest.baseSettings(env, appId, env.newDir(appId), guarantee, topic);
            s.put("cycle.window.end.ms", Long.toString(NO_CYCLES_AFTER));
            s.put("baseline.only.liquidity.bucket", "low,medium,high");
            s.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(threads));
            app = AppUnderTest.tsfm(s);
        }
        try (app) {
            app.start();
            final long end = env.awaitCommitted(appId, topic, produced, TIMEOUT_MS, app::failed);
            final long first = FirstConsumed.FIRST_MS.get();
            if (first == 0) {
                throw new IllegalStateException("no record was seen by the interceptor of " + appId);
            }
            return produced * 1000.0 / Math.max(1, end - first);
        } finally {
            if (passThrough) {
                env.deleteTopic(appId + "-out"); // a full copy of the ticks: the broker's disk need not keep it
            }
        }
    }

    /** Round-robin over markets, one tick per market per minute of event time, ending about an hour ago. */
    private long produce(final String topic, final int ticks, final int markets) {
        final int perMarket = (ticks + markets - 1) / markets;
        final long start = System.currentTimeMillis() - 3_600_000L - perMarket * 60_000L;
        long n = 0;
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (int i = 0; i < ticks; i++) {
                final int m = i % markets;
                final int k = i / markets;
                final long ts = start + k * 60_000L + m % 60 * 100L;
                final String market = marketId(m);
                final double p = Math.round((0.5 + 0.35 * Math.sin(k / 40.0 + m)) * 10_000) / 10_000.0;
                final String json = "{\"market_id\":\"" + market + "\",\"ts\":" + ts + ",\"p_yes\":" + p
                        + ",\"liquidity_bucket\":\"high\",\"volume_24h\":12345.0}";
                env.send(
                        producer,
                        new ProducerRecord<>(
                                topic,
                                null,
                                ts,
                                market.getBytes(StandardCharsets.UTF_8),
                                json.getBytes(StandardCharsets.UTF_8)));
                n++;
            }
            producer.flush();
            env.checkSent();
        }
        return n;
    }

    static String marketId(final int m) {
        return String.format(Locale.ROOT, "m-%06d", m);
    }
}
