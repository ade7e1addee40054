package io.tsfm.streams.demo;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The demo's window on the topics: reads ticks, forecasts, fallback events and the DLQ as a
 * read_committed consumer, prints the watched markets' forecasts as they arrive and keeps the counts
 * for the summary line.
 */
final class DemoWatcher implements Runnable {
    private final String bootstrap;
    private final Map<String, String> topics;
    private final Set<String> watched;
    private final boolean watchAll;
    private final PrintStream out;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ForecastRecordSerde forecastSerde = new ForecastRecordSerde();
    private final FallbackEventSerde fallbackSerde = new FallbackEventSerde();

    private long ticks;
    private long dlq;
    private long forecasts;
    private final Map<String, Long> byRuntime = new TreeMap<>();
    private final Map<String, Long> fallbacksByReason = new TreeMap<>();
    private String latestAsOf = "-";

    /** @param topics role ("ticks", "forecasts", "fallbacks", "dlq") to topic name */
    DemoWatcher(
            final String bootstrap,
            final Map<String, String> topics,
            final Set<String> watched,
            final boolean watchAll,
            final PrintStream out) {
        this.bootstrap = bootstrap;
        this.topics = Map.copyOf(topics);
        this.watched = Set.copyOf(watched);
        this.watchAll = watchAll;
        this.out = out;
    }

    @Override
    public void run() {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> parts = new ArrayList<>();
            for (final String topic : topics.values()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (running.get()) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    handle(r);
                }
            }
        } catch (final org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void handle(final ConsumerRecord<byte[], byte[]> r) {
        final String topic = r.topic();
        if (topic.equals(topics.get("ticks"))) {
            ticks++;
        } else if (topic.equals(topics.get("dlq"))) {
            dlq++;
        } else if (topic.equals(topics.get("fallbacks"))) {
            final FallbackEvent e = fallbackSerde.deserializer().deserialize(topic, r.value());
            fallbacksByReason.merge(e.reason(), 1L, Long::sum);
        } else if (topic.equals(topics.get("forecasts"))) {
            final ForecastRecord f = forecastSerde.deserializer().deserialize(topic, r.value());
            forecasts++;
            byRuntime.merge(f.meta().runtime(), 1L, Long::sum);
            if (f.asOfTs().compareTo(latestAsOf) > 0 || "-".equals(latestAsOf)) {
                latestAsOf = f.asOfTs();
            }
            if (watchAll || watched.contains(f.marketId())) {
                out.println(line(f));
            }
        }
    }

    static String line(final ForecastRecord f) {
        final int last = f.horizonSteps() - 1;
        final double[] lo = f.yhatQ().get(lowKey(f));
        final double[] mid = f.yhatQ().get("0.5");
        final double[] hi = f.yhatQ().get(highKey(f));
        final String how = f.meta().fallbackUsed()
                ? "baseline  reason=" + f.meta().fallbackReason()
                : f.meta().runtime() + " " + f.meta().modelName() + "  latency="
                        + f.meta().latencyMs() + "ms";
        return String.format(
                java.util.Locale.ROOT,
                "forecast %-8s as_of %s  +%dm q10 %.3f  q50 %.3f  q90 %.3f  %s",
                f.marketId(),
                f.asOfTs(),
                5 * f.horizonSteps(),
                lo[last],
                mid == null ? Double.NaN : mid[last],
                hi[last],
                how);
    }

    private static String lowKey(final ForecastRecord f) {
        return f.yhatQ().keySet().iterator().next();
    }

    private static String highKey(final ForecastRecord f) {
        String key = null;
        for (final String k : f.yhatQ().keySet()) {
            key = k;
        }
        return key;
    }

    synchronized long forecasts() {
        return forecasts;
    }

    synchronized long fallbacks() {
        return fallbacksByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized Map<String, Long> fallbacksByReason() {
        return Map.copyOf(fallbacksByReason);
    }

    synchronized long dlq() {
        return dlq;
    }

    synchronized String summary(final String breakerState) {
        return String.format(
                java.util.Locale.ROOT,
                "summary  event time %s | ticks %d | forecasts %d %s | fallbacks %s | breaker %s | dlq %d | %s",
                latestAsOf,
                ticks,
                forecasts,
                byRuntime,
                fallbacksByReason,
                breakerState,
                dlq,
                Instant.now().toString().substring(11, 19));
    }

    void stop() {
        running.set(false);
    }
}
