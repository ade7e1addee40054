package io.tsfm.streams.bench;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * The synthetic ticks the cycle and replay scenarios produce: a market's price at a time, its keyed JSON
 * record, and the markets whose ticks reach every partition.
 */
final class BenchTicks {
    static final long STEP_MS = 300_000L;

    private BenchTicks() {}

    /** One market per partition (by the default partitioner's hash of the key): the boundary-crossing ticks. */
    static int[] triggerMarkets(final int markets) {
        return triggerMarkets(markets, BenchEnvironment.PARTITIONS);
    }

    /** One market per partition of a topic of {@code partitions}. */
    static int[] triggerMarkets(final int markets, final int partitions) {
        final int[] out = new int[partitions];
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

    /** Market {@code m}'s tick at {@code ts} as the benchmarks produce it: keyed, JSON, bucket high. */
    static ProducerRecord<byte[], byte[]> tick(final String topic, final int m, final long ts) {
        final String market = IngestBenchmark.marketId(m);
        final String json = "{\"market_id\":\"" + market + "\",\"ts\":" + ts + ",\"p_yes\":" + price(m, ts)
                + ",\"liquidity_bucket\":\"high\"}";
        return new ProducerRecord<>(
                topic, null, ts, market.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }
}
