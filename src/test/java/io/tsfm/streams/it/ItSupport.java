package io.tsfm.streams.it;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Producing ticks and reading committed outputs against the real broker of an integration test. */
final class ItSupport {
    static final long STEP_MS = 300_000L;
    /** Every topic the app reads or writes under the default names. */
    static final String[] APP_TOPICS = {
        "market-ticks",
        "tsfm-forecasts",
        "tsfm-fallback-events",
        "market-ticks-dlq",
        "tsfm-forecast-scores",
        "tsfm-shadow-forecasts"
    };

    private ItSupport() {}

    /** A loopback port nothing listens on (it was free a moment ago): calls to it are refused at once. */
    static int closedPort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A start time 26 h before now, 30 s after a 5-minute boundary: recent enough for retention and the broker. */
    static Instant startHoursAgo(final int hours) {
        final long now = System.currentTimeMillis() - Duration.ofHours(hours).toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now, STEP_MS) * STEP_MS + 30_000L);
    }

    /** One tick per market per minute over {@code minutes} minutes from {@code start}; returns the last tick time. */
    static Instant produceMinuteTicks(
            final String bootstrap,
            final String topic,
            final List<String> markets,
            final Instant start,
            final int minutes) {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1); // see FuzzedTicks
        final List<Future<RecordMetadata>> sent = new ArrayList<>();
        Instant last = start;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int k = 0; k < minutes; k++) {
                final Instant ts = start.plusSeconds(60L * k);
                for (int m = 0; m < markets.size(); m++) {
                    final String market = markets.get(m);
                    sent.add(producer.send(new ProducerRecord<>(
                            topic,
                            null,
                            ts.toEpochMilli(),
                            market,
                            "{\"market_id\":\"" + market + "\",\"ts\":\"" + ts + "\",\"p_yes\":" + price(m, k)
                                    + ",\"liquidity_bucket\":\"high\"}")));
                }
                last = ts;
            }
            producer.flush();
        }
        assertAllWritten(sent);
        return last;
    }

    /**
     * Fails unless every send was acknowledged: a record the producer gave up on (its future failed after
     * delivery.timeout.ms) is otherwise a silent gap in the input that shows up minutes later as a missing
     * output record.
     */
    static void assertAllWritten(final List<Future<RecordMetadata>> sent) {
        int failed = 0;
        Throwable first = null;
        for (final Future<RecordMetadata> f : sent) {
            try {
                f.get();
            } catch (final ExecutionException e) {
                failed++;
                first = first == null ? e.getCause() : first;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while checking the sends", e);
            }
        }
        if (failed > 0) {
            throw new AssertionError(failed + " of " + sent.size() + " records were not written", first);
        }
    }

    /** A deterministic smooth path per market, inside (0.05, 0.95). */
    static double price(final int market, final int minute) {
        return Math.round((0.5 + 0.35 * Math.sin(minute / 40.0 + market)) * 10_000) / 10_000.0;
    }

    /** Boundaries whose cycles the ticks from first to last make due, with zero grace. */
    static List<Long> boundaries(final Instant firstTick, final Instant lastTick) {
        final long firstDue = Math.floorDiv(firstTick.toEpochMilli(), STEP_MS) * STEP_MS;
        final long lastDue = Math.floorDiv(lastTick.toEpochMilli(), STEP_MS) * STEP_MS;
        final List<Long> out = new ArrayList<>();
        for (long b = firstDue + STEP_MS; b <= lastDue; b += STEP_MS) {
            out.add(b);
        }
        return out;
    }

    static Map<String, String> appSettings(
            final String bootstrap, final String appId, final String tollamaUrl, final String stateDir) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", bootstrap);
        s.put("application.id", appId);
        s.put("tollama.url", tollamaUrl);
        s.put("tollama.model", "mock");
        s.put("cycle.grace.ms", "0");
        s.put("state.dir", stateDir);
        s.put("commit.interval.ms", "100");
        s.put("ops.port", "0");
        // a busy machine is slow, not broken: only the tests about timeouts and deadlines set short ones
        s.put("tollama.timeout.ms", "20000");
        s.put("job.deadline.ms", "60000");
        return s;
    }

    /**
     * How long a wait may see no progress at all (no new record, no change of the awaited state) before the
     * test fails: generous, because a busy machine is slow but not stuck. Waits never have a total budget.
     */
    static final Duration STALL = Duration.ofMinutes(3);

    /**
     * Reads a topic from the beginning, read_committed, until {@code done} holds for everything read; fails
     * only when no new record arrived for {@link #STALL}.
     */
    static <V> List<ConsumerRecord<String, V>> readUntil(
            final String bootstrap,
            final String topic,
            final Deserializer<V> valueDeserializer,
            final Predicate<List<ConsumerRecord<String, V>>> done) {
        final List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = fromBeginning(bootstrap, topic, valueDeserializer)) {
            long lastProgress = System.nanoTime();
            while (!done.test(out)) {
                if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new AssertionError(
                            "no new record on " + topic + " for " + STALL + "; read " + out.size() + " records");
                }
                final int before = out.size();
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                if (out.size() > before) {
                    lastProgress = System.nanoTime();
                }
            }
        }
        return out;
    }

    /** A read_committed consumer assigned every partition of the topic, at the beginning. */
    private static <V> KafkaConsumer<String, V> fromBeginning(
            final String bootstrap, final String topic, final Deserializer<V> valueDeserializer) {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        final KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), valueDeserializer);
        final List<TopicPartition> parts = new ArrayList<>();
        for (final PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            parts.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        return consumer;
    }

    /** Everything committed in a topic right now: reads up to the last stable offset of every partition. */
    static <V> List<ConsumerRecord<String, V>> readAll(
            final String bootstrap, final String topic, final Deserializer<V> valueDeserializer) {
        final List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = fromBeginning(bootstrap, topic, valueDeserializer)) {
            final List<TopicPartition> parts = new ArrayList<>(consumer.assignment());
            final Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
            long lastProgress = System.nanoTime();
            long positions = -1;
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                final long now = parts.stream().mapToLong(consumer::position).sum();
                if (now != positions) { // transaction markers move the position too
                    positions = now;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new AssertionError("could not read " + topic + " to its end offsets " + end
                            + " (no progress for " + STALL + ")");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** At least {@code atLeast} committed forecasts, waiting on progress ({@link #readUntil}). */
    static List<ConsumerRecord<String, ForecastRecord>> forecasts(final String bootstrap, final int atLeast) {
        return readUntil(
                bootstrap, "tsfm-forecasts", new ForecastRecordSerde().deserializer(), l -> l.size() >= atLeast);
    }

    /** At least {@code atLeast} committed fallback events, waiting on progress ({@link #readUntil}). */
    static List<ConsumerRecord<String, FallbackEvent>> fallbacks(final String bootstrap, final int atLeast) {
        return readUntil(
                bootstrap, "tsfm-fallback-events", new FallbackEventSerde().deserializer(), l -> l.size() >= atLeast);
    }

    /** (market, as_of) of every forecast, with how often each occurs. */
    static Map<String, Integer> countByMarketAndAsOf(final List<ConsumerRecord<String, ForecastRecord>> records) {
        final Map<String, Integer> out = new HashMap<>();
        for (final ConsumerRecord<String, ForecastRecord> r : records) {
            out.merge(
                    r.value().marketId() + "@"
                            + Instant.parse(r.value().asOfTs()).toEpochMilli(),
                    1,
                    Integer::sum);
        }
        return out;
    }

    /** Score records per "market@as_of-epoch-ms". */
    static Map<String, Integer> countScoresByMarketAndAsOf(final List<ConsumerRecord<String, ForecastScore>> records) {
        final Map<String, Integer> out = new HashMap<>();
        for (final ConsumerRecord<String, ForecastScore> r : records) {
            out.merge(
                    r.value().marketId() + "@"
                            + Instant.parse(r.value().asOfTs()).toEpochMilli(),
                    1,
                    Integer::sum);
        }
        return out;
    }

    /** The forecasts of {@code expected} whose horizon of 12 steps is realised by the last boundary. */
    static Map<String, Integer> realised(final Map<String, Integer> expected, final List<Long> boundaries) {
        final long lastAsOf = boundaries.get(boundaries.size() - 1) - 12 * STEP_MS;
        final Map<String, Integer> out = new HashMap<>();
        expected.forEach((k, v) -> {
            if (Long.parseLong(k.substring(k.indexOf('@') + 1)) <= lastAsOf) {
                out.put(k, v);
            }
        });
        return out;
    }

    static Map<String, Integer> expected(final List<String> markets, final List<Long> boundaries) {
        final Map<String, Integer> out = new HashMap<>();
        for (final String m : markets) {
            for (final long b : boundaries) {
                out.put(m + "@" + b, 1);
            }
        }
        return out;
    }
}
