package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.StepClose;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StepCacheTest {
    private static final long STEP = 300_000L;

    /** A step store in memory that counts its reads. */
    private static final class Store implements StepCache.Store {
        final Map<String, NavigableMap<Long, StepClose>> closes = new HashMap<>();
        int reads;

        @Override
        public List<ObservedStep> fetch(final String marketId, final long from, final long to) {
            reads++;
            final List<ObservedStep> out = new ArrayList<>();
            closes.getOrDefault(marketId, new TreeMap<>())
                    .subMap(from, true, to, true)
                    .forEach((start, close) -> out.add(new ObservedStep(start, close)));
            return out;
        }

        void put(final StepCache cache, final String marketId, final long step, final double p) {
            final StepClose close = new StepClose(p, step * STEP + 7_000L, new String("high"));
            closes.computeIfAbsent(marketId, m -> new TreeMap<>()).put(step * STEP, close);
            cache.put(marketId, step * STEP, close);
        }
    }

    private final Store store = new Store();

    @Test
    void readsAMarketFromTheStoreOnceAndThenFromItsCopy() {
        final StepCache cache = new StepCache(STEP, 10, 100, store);
        for (long s = 0; s < 5; s++) {
            store.put(cache, "m", s, s / 10.0);
        }
        assertThat(cache.fetch("m", 2 * STEP, 4 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.2, 0.3, 0.4);
        store.put(cache, "m", 5, 0.5);
        store.put(cache, "m", 3, 0.33); // a late close into a step already kept
        assertThat(cache.fetch("m", 3 * STEP, 9 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.33, 0.4, 0.5);
        assertThat(cache.fetch("m", 3 * STEP, 9 * STEP).get(0).close().tsMs()).isEqualTo(3 * STEP + 7_000L);
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void readsTheStoreAgainForStepsOlderThanItsWindow() {
        final StepCache cache = new StepCache(STEP, 4, 100, store);
        for (long s = 0; s < 8; s++) {
            store.put(cache, "m", s, s / 10.0);
        }
        assertThat(cache.fetch("m", 6 * STEP, 7 * STEP)).hasSize(2);
        store.put(cache, "m", 12, 0.9); // moves the window to steps 9-12
        assertThat(cache.fetch("m", 9 * STEP, 12 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.9);
        assertThat(store.reads).isEqualTo(1);
        assertThat(cache.fetch("m", 7 * STEP, 12 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.7, 0.9);
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void readsFurtherMarketsFromTheStoreOncePastItsLimitAndForgetsExpiredOnes() {
        final StepCache cache = new StepCache(STEP, 4, 1, store);
        store.put(cache, "a", 1, 0.1);
        store.put(cache, "b", 1, 0.2);
        cache.fetch("a", 0, STEP);
        cache.fetch("b", 0, STEP);
        cache.fetch("b", 0, STEP);
        assertThat(cache.markets()).isEqualTo(1);
        assertThat(store.reads).isEqualTo(3);
        cache.forget("a");
        assertThat(cache.fetch("b", 0, STEP)).extracting(o -> o.close().p()).containsExactly(0.2);
        assertThat(cache.markets()).isEqualTo(1);
    }

    @Test
    void leavesToTheStoreWhatIsOffItsGrid() {
        final StepCache cache = new StepCache(STEP, 10, 100, store);
        store.put(cache, "m", 1, 0.1);
        cache.fetch("m", 0, STEP);
        // a store laid out by another step, and a close outside its step: the store answers, as it holds them
        final StepClose outside = new StepClose(0.3, 4 * STEP, "high");
        store.closes.get("m").put(3 * STEP, outside);
        cache.put("m", 3 * STEP, outside);
        final int reads = store.reads;
        assertThat(cache.fetch("m", 0, 9 * STEP)).extracting(o -> o.close().p()).containsExactly(0.1, 0.3);
        assertThat(cache.fetch("m", 0, 9 * STEP)).extracting(o -> o.close().p()).containsExactly(0.1, 0.3);
        assertThat(store.reads - reads).isEqualTo(2);
        assertThat(cache.fetch("m", STEP / 2, 9 * STEP))
                .extracting(o -> o.close().p())
                .containsExactly(0.1, 0.3);
        assertThat(cache.markets()).isZero();
    }

    @Test
    void answersExactlyAsTheStoreThroughLateClosesJumpsAndMovingRanges() {
        final Random random = new Random(17);
        final StepCache cache = new StepCache(STEP, 30, 3, store);
        final String[] markets = {"a", "b", "c", "d"};
        long now = 100;
        int fromCopy = 0;
        for (int round = 0; round < 5_000; round++) {
            final String m = markets[random.nextInt(markets.length)];
            final int op = random.nextInt(10);
            if (op < 5) {
                store.put(cache, m, now + random.nextInt(3), random.nextDouble()); // in or just ahead of now
            } else if (op < 6) {
                store.put(cache, m, now - 1 - random.nextInt(40), random.nextDouble()); // late, maybe too old
            } else if (op < 7) {
                now += random.nextInt(10) == 0 ? 50 : 1; // a long silence now and then
            } else {
                final long from = now - 1 - random.nextInt(25);
                final long to = from + random.nextInt(30);
                final int reads = store.reads;
                assertThat(cache.fetch(m, from * STEP, to * STEP))
                        .usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(store.fetch(m, from * STEP, to * STEP));
                fromCopy += store.reads - reads == 1 ? 1 : 0;
            }
        }
        assertThat(fromCopy).isGreaterThan(500);
    }
}
