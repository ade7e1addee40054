package io.tsfm.streams.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CanaryShareTest {

    private static final int IDS = 100_000;

    /** Simulator-style ids and random UUIDs (a fixed seed, so the same ids every run). */
    private static final List<String> MARKET_IDS = generatedIds();

    @Test
    void knownIdsKeepTheirBucketsSoAChangeOfTheHashBreaksThisTest() {
        // printf %s m-0001 | sha256sum -> d730a9bfb3009445...; 0xd730a9bfb3009445 mod 10000 = 5029
        assertThat(CanaryShare.bucketOf("m-0001")).isEqualTo(5029);
        // b1fbde6122bd0ba0... -> 7936
        assertThat(CanaryShare.bucketOf("m-0002")).isEqualTo(7936);
        // bf64df7249eb17a8... -> 952
        assertThat(CanaryShare.bucketOf("market-abc")).isEqualTo(952);
        // the id is hashed as UTF-8: fddb14a710fc932d... -> 3629
        assertThat(CanaryShare.bucketOf("0x5f3a\u2026")).isEqualTo(3629);
    }

    @Test
    void everyBucketIsInRange() {
        assertThat(MARKET_IDS)
                .allSatisfy(id -> assertThat(CanaryShare.bucketOf(id)).isBetween(0, CanaryShare.BUCKETS - 1));
    }

    @Test
    void eachStageServesItsTargetShareWithinOnePercentagePoint() {
        for (final RolloutStage stage : RolloutStage.values()) {
            final double share = shareOf(id -> CanaryShare.inCanary(id, stage));

            assertThat(share).as(stage.id()).isCloseTo(stage.share(), within(0.01));
        }
        assertThat(shareOf(id -> CanaryShare.inCanary(id, RolloutStage.SHADOW))).isZero();
        assertThat(shareOf(id -> CanaryShare.inCanary(id, RolloutStage.FULL_100)))
                .isEqualTo(1.0);
    }

    @Test
    void bucketsAreSpreadEvenlyOverTenDeciles() {
        final int[] deciles = new int[10];
        MARKET_IDS.forEach(id -> deciles[CanaryShare.bucketOf(id) / (CanaryShare.BUCKETS / 10)]++);

        for (final int count : deciles) {
            assertThat(count).isBetween(IDS / 10 - 500, IDS / 10 + 500);
        }
    }

    @Test
    void growingTheShareOnlyAddsMarkets() {
        final RolloutStage[] stages = RolloutStage.values();
        for (final String id : MARKET_IDS) {
            for (int i = 1; i < stages.length; i++) {
                if (CanaryShare.inCanary(id, stages[i - 1])) {
                    assertThat(CanaryShare.inCanary(id, stages[i]))
                            .as(id + " at " + stages[i])
                            .isTrue();
                }
            }
        }
    }

    @Test
    void theSameIdGetsTheSameBucketOnEveryCall() {
        final List<Integer> first =
                MARKET_IDS.stream().map(CanaryShare::bucketOf).toList();
        final List<Integer> second =
                generatedIds().stream().map(CanaryShare::bucketOf).toList();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void idsDifferingInOneCharacterLandInUnrelatedBuckets() {
        final long neighboursInTheSameTenth = MARKET_IDS.subList(0, IDS / 2).stream()
                .filter(id -> id.startsWith("m-"))
                .filter(id -> {
                    final int n = Integer.parseInt(id.substring(2));
                    final String next = String.format(Locale.ROOT, "m-%06d", n + 1);
                    return CanaryShare.bucketOf(id) / 1000 == CanaryShare.bucketOf(next) / 1000;
                })
                .count();

        // independent buckets share a tenth with probability 1/10
        assertThat((double) neighboursInTheSameTenth / (IDS / 2)).isCloseTo(0.10, within(0.01));
    }

    private static double shareOf(final Predicate<String> inShare) {
        return (double) MARKET_IDS.stream().filter(inShare).count() / MARKET_IDS.size();
    }

    private static List<String> generatedIds() {
        final List<String> ids = new ArrayList<>(IDS);
        for (int i = 0; i < IDS / 2; i++) {
            ids.add(String.format(Locale.ROOT, "m-%06d", i));
        }
        final Random random = new Random(20_261_121L);
        while (ids.size() < IDS) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return ids;
    }
}
