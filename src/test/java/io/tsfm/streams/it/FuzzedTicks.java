package io.tsfm.streams.it;

import static io.tsfm.streams.it.FaultSuiteSupport.TICKS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fuzzed input of {@link FaultSuiteIT}: good minute ticks with bad records of every kind the parser must
 * reject spread between them, and a count of the bad values to compare the DLQ's against.
 */
final class FuzzedTicks {
    private FuzzedTicks() {}

    record Fuzz(Instant lastGood, List<byte[]> badValues) {}

    /** Good minute ticks for {@code markets}, with {@code badCount} bad records spread between them. */
    static Fuzz produceFuzzedTicks(
            final String bootstrap,
            final List<String> markets,
            final Instant start,
            final int minutes,
            final int badCount,
            final Random random) {
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // one request at a time: a retried first batch cannot be overtaken by later ones (a sequence gap the
        // broker never accepts: the batch is retried until delivery.timeout.ms and then dropped)
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        final List<byte[]> bad = new ArrayList<>();
        final List<Future<RecordMetadata>> sent = new ArrayList<>();
        Instant last = start;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int k = 0; k < minutes; k++) {
                final Instant ts = start.plusSeconds(60L * k);
                for (int m = 0; m < markets.size(); m++) {
                    final String market = markets.get(m);
                    sent.add(producer.send(new ProducerRecord<>(
                            TICKS,
                            null,
                            ts.toEpochMilli(),
                            market,
                            utf8("{\"market_id\":\"" + market + "\",\"ts\":\"" + ts + "\",\"p_yes\":"
                                    + ItSupport.price(m, k) + ",\"liquidity_bucket\":\"high\"}"))));
                }
                final int badNow = badCount * (k + 1) / minutes - badCount * k / minutes;
                for (int b = 0; b < badNow; b++) {
                    final String market = markets.get(random.nextInt(markets.size()));
                    final BadTick t = badTick(random, market, ts);
                    sent.add(producer.send(new ProducerRecord<>(TICKS, null, ts.toEpochMilli(), t.key(), t.value())));
                    bad.add(t.value());
                }
                last = ts;
            }
            producer.flush();
        }
        ItSupport.assertAllWritten(sent);
        assertThat(bad).hasSize(badCount);
        return new Fuzz(last, bad);
    }

    private record BadTick(String key, byte[] value) {}

    /** One record the parser must reject; the key is the market's (or none), so it lands with the good ticks. */
    private static BadTick badTick(final Random r, final String market, final Instant ts) {
        final String key = r.nextInt(5) == 0 ? null : market;
        final String id = "\"market_id\":\"" + market + "\"";
        final String goodTs = "\"ts\":\"" + ts + "\"";
        final String p = "\"p_yes\":0.5";
        return switch (r.nextInt(23)) {
            case 0 -> { // random bytes
                final byte[] b = new byte[1 + r.nextInt(40)];
                r.nextBytes(b);
                if (b[0] == '{' || b[0] == '[' || b[0] == '"') {
                    b[0] = '#';
                }
                yield new BadTick(key, b);
            }
            case 1 -> new BadTick(key, r.nextBoolean() ? null : new byte[0]);
            case 2 ->
                bad(
                        key,
                        "{" + id + "," + goodTs + ",\"p_yes\":\"" + pick(r, "NaN", "Infinity", "-Infinity", "nan")
                                + "\"}");
            case 3 -> bad(key, "{" + id + "," + goodTs + ",\"p_yes\":NaN}");
            case 4 -> bad(key, "{" + id + "," + goodTs + ",\"p_yes\":" + pick(r, "1.5", "-0.1", "42", "-1e9") + "}");
            case 5 -> bad(key, "{" + id + "," + goodTs + "," + p + ",\"volume_24h\":-" + (1 + r.nextInt(1000)) + "}");
            case 6 -> bad(key, "{" + id + "," + goodTs + "," + p + ",\"open_interest\":-0.5}");
            case 7 ->
                bad(key, "{" + id + ",\"ts\":\"" + ts.plus(Duration.ofHours(2 + r.nextInt(100_000))) + "\"," + p + "}");
            case 8 ->
                bad(
                        key,
                        "{" + id + ",\"ts\":"
                                + (ts.toEpochMilli() + Duration.ofDays(365).toMillis()) + "," + p + "}");
            case 9 -> bad(key, "{" + id + ",\"ts\":" + r.nextInt(1_000_000) + "," + p + "}");
            case 10 -> bad(key, "{" + goodTs + "," + p + "}");
            case 11 -> bad(key, "{" + id + "," + p + "}");
            case 12 -> bad(key, "{" + id + "," + goodTs + "}");
            case 13 -> bad(key, "{" + id + "," + goodTs + ",\"p_yes\":null}");
            case 14 -> bad(key, "{" + id + "," + goodTs + ",\"p_yes\":\"" + pick(r, "0.5", "high", "") + "\"}");
            case 15 ->
                bad(
                        key,
                        "{" + id + ",\"ts\":" + pick(r, "true", "[1]", "{\"a\":1}", "1700000000000.5") + "," + p + "}");
            case 16 ->
                bad(key, "{\"market_id\":" + pick(r, "42", "true", "[\"x\"]", "\"  \"") + "," + goodTs + "," + p + "}");
            case 17 ->
                bad(
                        key,
                        "{" + id + "," + goodTs + "," + p + ",\"liquidity_bucket\":" + pick(r, "3", "false", "[]")
                                + "}");
            case 18 ->
                bad(
                        key,
                        "{" + id + ",\"ts\":\"" + pick(r, "yesterday", "2026-13-01T00:00:00Z", "2026-01-01 00:00", "")
                                + "\"," + p + "}");
            case 19 -> bad(market, "{\"market_id\":\"other-" + r.nextInt(1000) + "\"," + goodTs + "," + p + "}");
            case 20 -> bad(key, pick(r, "[1,2,3]", "\"tick\"", "42", "true", "null"));
            case 21 ->
                bad(null, "{\"market_id\":\"" + "m".repeat(257 + r.nextInt(100)) + "\"," + goodTs + "," + p + "}");
            default ->
                bad(key, "{" + id + "," + goodTs + "," + p + "}" + pick(r, "x", "{}", ",", " ]", "{" + id + "}"));
        };
    }

    private static BadTick bad(final String key, final String value) {
        return new BadTick(key, utf8(value));
    }

    private static String pick(final Random r, final String... options) {
        return options[r.nextInt(options.length)];
    }

    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Integer> countValues(final List<byte[]> values) {
        final Map<String, Integer> out = new HashMap<>();
        for (final byte[] v : values) {
            out.merge(v == null ? "<null>" : Base64.getEncoder().encodeToString(v), 1, Integer::sum);
        }
        return out;
    }
}
