package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketSimulatorTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(26));
    private static final double STEPS = Duration.ofHours(26).toMinutes() / 5.0;
    private static final SimulationSpec DEMO = new SimulationSpec(42, 50, START, END);

    private static List<SimRecord> demoRecords;
    private static Map<String, List<SimRecord>> demoByMarket;
    private static Map<String, MarketProfile> demoProfiles;

    @BeforeAll
    static void simulateTheDemoDay() {
        final MarketSimulator simulator = new MarketSimulator(DEMO);
        demoRecords = simulator.stream().collect(Collectors.toList());
        demoByMarket = byMarket(demoRecords);
        demoProfiles = new LinkedHashMap<>();
        simulator.markets().forEach(profile -> demoProfiles.put(profile.marketId(), profile));
    }

    @Test
    void theSameSpecYieldsByteIdenticalRecords() {
        final SimulationSpec spec = new SimulationSpec(7, 30, START, START.plus(Duration.ofHours(6)), 0.05);

        final List<SimRecord> first = new MarketSimulator(spec).stream().collect(Collectors.toList());
        final List<SimRecord> second = new MarketSimulator(spec).stream().collect(Collectors.toList());

        assertThat(first).hasSizeGreaterThan(1_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedsYieldDifferentRecords() {
        final SimulationSpec other = new SimulationSpec(43, 50, START, END);

        final List<SimRecord> otherRecords =
                new MarketSimulator(other).stream().limit(1_000).collect(Collectors.toList());

        assertThat(otherRecords).isNotEqualTo(demoRecords.subList(0, 1_000));
    }

    @Test
    void aSpecShiftedInTimeYieldsTheSameTicksShiftedByTheSameAmount() {
        final Duration shift = Duration.ofDays(3).plusMillis(123);
        final SimulationSpec shifted = new SimulationSpec(42, 50, START.plus(shift), END.plus(shift));

        final List<String> original = demoRecords.stream()
                .map(r -> r.key() + "@" + (r.timestampMs() - START.toEpochMilli()) + "=" + pYes(r))
                .collect(Collectors.toList());
        final List<String> moved = new MarketSimulator(shifted)
                .stream()
                        .map(r -> r.key() + "@"
                                + (r.timestampMs() - shifted.start().toEpochMilli()) + "=" + pYes(r))
                        .collect(Collectors.toList());

        assertThat(moved).isEqualTo(original);
    }

    @Test
    void recordsComeInEventTimeOrderWithinTheSpan() {
        long previous = Long.MIN_VALUE;
        for (final SimRecord record : demoRecords) {
            assertThat(record.timestampMs()).isGreaterThanOrEqualTo(previous);
            previous = record.timestampMs();
        }
        assertThat(demoRecords.get(0).timestampMs()).isGreaterThanOrEqualTo(START.toEpochMilli());
        assertThat(previous).isLessThan(END.toEpochMilli());
    }

    @Test
    void everyMarketTicksWithIdsFromOneUpwards() {
        assertThat(demoByMarket.keySet()).hasSize(50).contains("m-0001", "m-0050");
        assertThat(demoProfiles.keySet())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50)
                        .mapToObj(i -> String.format("m-%04d", i))
                        .collect(Collectors.toList()));
    }

    @Test
    void wellFormedTicksCarryConsistentFieldsAndProbabilitiesWithinZeroAndOne() {
        for (final SimRecord record : demoRecords) {
            final JsonNode tick = TickValidity.parse(record.value());

            assertThat(record.malformed()).isFalse();
            assertThat(TickValidity.isValid(record.value()))
                    .as(record.toString())
                    .isTrue();
            assertThat(tick.get("market_id").asText()).isEqualTo(record.key());
            assertThat(Instant.parse(tick.get("ts").asText()).toEpochMilli()).isEqualTo(record.timestampMs());
            final double p = tick.get("p_yes").asDouble();
            assertThat(p).isBetween(0.0, 1.0);
            assertThat(Math.round(p * 10_000) / 10_000.0).isEqualTo(p);
            final String bucket = tick.get("liquidity_bucket").asText();
            assertThat(bucket)
                    .isEqualTo(demoProfiles.get(record.key()).liquidity().bucket());
            assertThat(LiquidityClass.ofVolume(tick.get("volume_24h").asDouble())
                            .bucket())
                    .isEqualTo(bucket);
            assertThat(LiquidityClass.ofVolume(tick.get("open_interest").asDouble())
                            .bucket())
                    .isEqualTo(bucket);
        }
    }

    @Test
    void liquidMarketsTickSeveralTimesPerStepAndMidMarketsAboutOnce() {
        final double high = averageTicksPerStep(LiquidityClass.HIGH);
        final double mid = averageTicksPerStep(LiquidityClass.MID);

        assertThat(high).isGreaterThan(3.0);
        assertThat(mid).isBetween(0.7, 1.3);
    }

    @Test
    void lowLiquidityMarketsTickSparselyWithGapsOverAnHour() {
        final List<String> low = marketsOf(LiquidityClass.LOW);
        final long withLongGap = low.stream()
                .filter(id -> longestGap(id).compareTo(Duration.ofMinutes(60)) > 0)
                .count();

        assertThat(low).hasSizeGreaterThan(5);
        assertThat(averageTicksPerStep(LiquidityClass.LOW)).isLessThan(1.0 / 3);
        assertThat(withLongGap).isGreaterThanOrEqualTo(low.size() * 8 / 10);
    }

    @Test
    void fivePercentOfMarketsResolve() {
        final long resolving = new MarketSimulator(new SimulationSpec(3, 200, START, END))
                .markets().stream().filter(MarketProfile::resolves).count();

        assertThat(resolving).isEqualTo(10);
        assertThat(demoProfiles.values().stream()
                        .filter(MarketProfile::resolves)
                        .count())
                .isEqualTo(3);
    }

    @Test
    void resolvedMarketsTickExactlyAtTheOutcomeAndThenStop() {
        final List<MarketProfile> resolved =
                demoProfiles.values().stream().filter(MarketProfile::resolves).collect(Collectors.toList());

        assertThat(resolved).isNotEmpty();
        for (final MarketProfile market : resolved) {
            final List<SimRecord> ticks = demoByMarket.get(market.marketId());
            final List<Double> after = ticks.stream()
                    .filter(r -> r.timestampMs() >= market.resolvesAt().toEpochMilli())
                    .map(MarketSimulatorTest::pYes)
                    .collect(Collectors.toList());
            assertThat(after).as(market.marketId()).isNotEmpty().containsOnly((double) market.outcome());
            assertThat(ticks.get(ticks.size() - 1).timestampMs())
                    .isLessThanOrEqualTo(market.stopsAt().toEpochMilli());
            assertThat(market.stopsAt()).isBefore(END);
        }
    }

    @Test
    void resolvingMarketsDriftHardTowardsTheOutcomeBeforeResolving() {
        final MarketSimulator simulator = new MarketSimulator(new SimulationSpec(11, 400, START, END));
        final Map<String, MarketProfile> resolving = simulator.markets().stream()
                .filter(MarketProfile::resolves)
                .collect(Collectors.toMap(MarketProfile::marketId, p -> p));
        final List<Double> distances = new ArrayList<>();

        simulator.forEach(record -> {
            final MarketProfile market = resolving.get(record.key());
            if (market != null) {
                final long before = market.resolvesAt().toEpochMilli() - record.timestampMs();
                if (before > 0 && before <= Duration.ofMinutes(5).toMillis()) {
                    distances.add(Math.abs(pYes(record) - market.outcome()));
                }
            }
        });

        assertThat(distances).isNotEmpty().allSatisfy(d -> assertThat(d).isLessThan(0.1));
    }

    @Test
    void aTenthOfTheRecordsAreMalformedAtRateOneTenth() {
        final SimulationSpec spec = new SimulationSpec(5, 20, START, START.plus(Duration.ofHours(8)), 0.1);
        long total = 0;
        long malformed = 0;

        for (final SimRecord record : new MarketSimulator(spec)) {
            total++;
            if (record.malformed()) {
                malformed++;
                assertThat(TickValidity.isValid(record.value()))
                        .as(record.toString())
                        .isFalse();
            } else {
                assertThat(TickValidity.isValid(record.value()))
                        .as(record.toString())
                        .isTrue();
            }
            assertThat(record.key()).matches("m-\\d{4}");
        }

        assertThat(total).isGreaterThan(5_000);
        assertThat((double) malformed / total).isBetween(0.07, 0.13);
    }

    @Test
    void everyKindOfDamageShowsUp() {
        final SimulationSpec spec = new SimulationSpec(5, 20, START, START.plus(Duration.ofHours(2)), 0.2);
        final Set<String> kinds = new HashSet<>();

        for (final SimRecord record : new MarketSimulator(spec)) {
            if (record.malformed()) {
                kinds.add(damageOf(record.value()));
            }
        }

        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "not json",
                        "missing market_id",
                        "missing ts",
                        "missing p_yes",
                        "p_yes out of range",
                        "p_yes not a number",
                        "bad ts");
    }

    @Test
    void aZeroMalformedRateGivesNoMalformedRecords() {
        assertThat(demoRecords).noneMatch(SimRecord::malformed);
    }

    @Test
    void tenThousandMarketsStreamWithoutBeingHeldInMemory() {
        final SimulationSpec spec = new SimulationSpec(1, 10_000, START, START.plus(Duration.ofHours(1)));
        final Set<String> markets = new HashSet<>();
        final long[] count = {0};

        new MarketSimulator(spec).forEach(record -> {
            markets.add(record.key());
            count[0]++;
        });

        assertThat(markets).hasSize(10_000).contains("m-10000");
        assertThat(count[0]).isGreaterThan(100_000);
    }

    private static String damageOf(final byte[] value) {
        final JsonNode node = TickValidity.parse(value);
        if (node == null) {
            return "not json";
        }
        for (final String field : List.of("market_id", "ts", "p_yes")) {
            if (!node.has(field)) {
                return "missing " + field;
            }
        }
        if (!node.get("p_yes").isNumber()) {
            return "p_yes not a number";
        }
        final double p = node.get("p_yes").asDouble();
        return p < 0.0 || p > 1.0 ? "p_yes out of range" : "bad ts";
    }

    private static double pYes(final SimRecord record) {
        return TickValidity.parse(record.value()).get("p_yes").asDouble();
    }

    private static Map<String, List<SimRecord>> byMarket(final List<SimRecord> records) {
        return records.stream().collect(Collectors.groupingBy(SimRecord::key, LinkedHashMap::new, Collectors.toList()));
    }

    private static List<String> marketsOf(final LiquidityClass liquidity) {
        return demoProfiles.values().stream()
                .filter(p -> p.liquidity() == liquidity && !p.resolves())
                .map(MarketProfile::marketId)
                .collect(Collectors.toList());
    }

    private static double averageTicksPerStep(final LiquidityClass liquidity) {
        return marketsOf(liquidity).stream()
                        .mapToInt(id -> demoByMarket.get(id).size())
                        .average()
                        .orElseThrow()
                / STEPS;
    }

    private static Duration longestGap(final String marketId) {
        final List<SimRecord> ticks = demoByMarket.get(marketId);
        long longest = 0;
        for (int i = 1; i < ticks.size(); i++) {
            longest = Math.max(
                    longest, ticks.get(i).timestampMs() - ticks.get(i - 1).timestampMs());
        }
        return Duration.ofMillis(longest);
    }
}
