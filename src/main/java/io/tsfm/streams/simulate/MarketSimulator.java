package io.tsfm.streams.simulate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic prediction-market tick generator: the same {@link SimulationSpec} always yields the
 * same records, byte for byte, in event-time order. It keeps only one state per market and merges the
 * markets lazily, so 10,000 markets over a day stream in constant memory. Each call to
 * {@link #iterator()} starts over from the beginning.
 *
 * <p>Event times are the spec's start plus offsets that depend only on the seed, so two specs that
 * differ only by a time shift yield the same ticks shifted.
 */
public final class MarketSimulator implements Iterable<SimRecord> {

    /** Share of markets that resolve to 0 or 1 during the span. */
    public static final double RESOLVING_SHARE = 0.05;

    private static final long MALFORMED_STREAM = -1L;
    private static final long RESOLUTION_STREAM = -2L;

    private final SimulationSpec spec;

    public MarketSimulator(final SimulationSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    public SimulationSpec spec() {
        return spec;
    }

    /** The fixed traits of every market, in id order. */
    public List<MarketProfile> markets() {
        final List<MarketProfile> profiles = new ArrayList<>(spec.markets());
        final BitSet resolving = resolvingMarkets();
        for (int i = 0; i < spec.markets(); i++) {
            profiles.add(newMarket(i, resolving).profile());
        }
        return profiles;
    }

    @Override
    public Iterator<SimRecord> iterator() {
        return new Ticks();
    }

    public Stream<SimRecord> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private MarketProcess newMarket(final int index, final BitSet resolving) {
        return new MarketProcess(
                spec.seed(),
                index,
                spec.start().toEpochMilli(),
                spec.end().toEpochMilli(),
                resolving.get(index),
                spec.drift());
    }

    /** Exactly round(markets x 5 %) markets, chosen by a seeded partial shuffle. */
    private BitSet resolvingMarkets() {
        final int count = (int) Math.round(spec.markets() * RESOLVING_SHARE);
        final int[] order = new int[spec.markets()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        final SimRandom rng = SimRandom.forStream(spec.seed(), RESOLUTION_STREAM);
        final BitSet chosen = new BitSet(spec.markets());
        for (int i = 0; i < count; i++) {
            final int j = i + rng.nextInt(order.length - i);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            chosen.set(order[i]);
        }
        return chosen;
    }

    /** Merges the markets' tick schedules by (event time, market index). */
    private final class Ticks implements Iterator<SimRecord> {

        private final PriorityQueue<Entry> queue;
        private final SimRandom malformedRng = SimRandom.forStream(spec.seed(), MALFORMED_STREAM);

        Ticks() {
            final BitSet resolving = resolvingMarkets();
            queue = new PriorityQueue<>(
                    Math.max(1, spec.markets()),
                    Comparator.comparingLong((Entry e) -> e.market.nextTickMs()).thenComparingInt(e -> e.index));
            for (int i = 0; i < spec.markets(); i++) {
                final MarketProcess market = newMarket(i, resolving);
                if (market.hasNext()) {
                    queue.add(new Entry(i, market));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override
        public SimRecord next() {
            final Entry entry = queue.poll();
            if (entry == null) {
                throw new NoSuchElementException("simulation finished");
            }
            final Tick tick = entry.market.next();
            if (entry.market.hasNext()) {
                queue.add(entry);
            }
            final boolean malformed = spec.malformedRate() > 0.0 && malformedRng.chance(spec.malformedRate());
            final byte[] value = malformed ? MalformedTicks.corrupt(tick, malformedRng) : tick.toJsonBytes();
            return new SimRecord(tick.marketId(), value, tick.timestampMs(), malformed);
        }
    }

    private record Entry(int index, MarketProcess market) {}
}
