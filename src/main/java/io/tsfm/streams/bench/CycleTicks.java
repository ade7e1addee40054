package io.tsfm.streams.bench;

import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Produces the cycle scenario's ticks into its topic, each batch flushed and checked: the build-up spans, a
 * tick for every market before a boundary, and the boundary-crossing trigger ticks.
 */
final class CycleTicks {
    private final BenchEnvironment env;
    private final String topic;
    private final int markets;

    CycleTicks(final BenchEnvironment env, final String topic, final int markets) {
        this.env = env;
        this.topic = topic;
        this.markets = markets;
    }

    /**
     * Every market's tick at each tick interval from {@code first} up to {@code end} (exclusive), leaving out
     * those before {@code from}, oldest first.
     *
     * @return how many ticks were produced
     */
    long span(final long first, final long from, final long end, final long tickMs) {
        long produced = 0;
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (long ts = first; ts < end; ts += tickMs) {
                if (ts < from) {
                    continue;
                }
                for (int m = 0; m < markets; m++) {
                    send(producer, m, ts);
                    produced++;
                }
            }
            producer.flush();
            env.checkSent();
        }
        return produced;
    }

    /** One tick of every market at {@code ts}. */
    void everyMarket(final long ts) {
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (int m = 0; m < markets; m++) {
                send(producer, m, ts);
            }
            producer.flush();
            env.checkSent();
        }
    }

    /** One tick of each of {@code some} markets at {@code ts}. */
    void only(final int[] some, final long ts) {
        try (KafkaProducer<byte[], byte[]> producer = env.producer()) {
            for (final int m : some) {
                send(producer, m, ts);
            }
            producer.flush();
            env.checkSent();
        }
    }

    private void send(final KafkaProducer<byte[], byte[]> producer, final int m, final long ts) {
        env.send(producer, BenchTicks.tick(topic, m, ts));
    }
}
