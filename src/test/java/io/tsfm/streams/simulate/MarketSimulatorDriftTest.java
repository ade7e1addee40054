package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MarketSimulatorDriftTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");
    private static final SimulationSpec SIX_HOURS = new SimulationSpec(7, 30, START, START.plus(Duration.ofHours(6)));
    private static final Duration DRIFT_AFTER = Duration.ofHours(3);
    private static final long DRIFT_MS = START.plus(DRIFT_AFTER).toEpochMilli();

    @Test
    void aSpecWithoutDriftYieldsExactlyTheRecordsOfTheSimulatorBeforeDriftExisted() throws Exception {
        // SHA-256 over key, timestamp and value of every record of the demo day, taken when prices were put on
        // their grid (drift injection left it as it was)
        final SimulationSpec demoDay = new SimulationSpec(42, 50, START, START.plus(Duration.ofHours(26)));
        final MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long records = 0;
        for (final SimRecord record : new MarketSimulator(demoDay)) {
            digest.update(record.key().getBytes(StandardCharsets.UTF_8));
            digest.update(Long.toString(record.timestampMs()).getBytes(StandardCharsets.UTF_8));
            digest.update(record.value());
            records++;
        }

        assertThat(records).isEqualTo(36_595);
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("8af8627dac7488fae3c4c895cd430c787149bfbd6bd936af7effc0439acf232e");
    }

    @Test
    void ticksBeforeTheDriftAreTheUndriftedTicks() {
        final List<SimRecord> calm = before(DRIFT_MS, SIX_HOURS);
        final List<SimRecord> drifted = before(DRIFT_MS, SIX_HOURS.withDrift(InputDrift.after(DRIFT_AFTER)));

        assertThat(calm).hasSizeGreaterThan(1_000);
        assertThat(drifted).isEqualTo(calm);
    }

    @Test
    void theDriftShiftsEveryMarketsLevelUp() {
        final Map<String, Double> calm = firstLogitAfterDrift(SIX_HOURS);
        final Map<String, Double> drifted =
                firstLogitAfterDrift(SIX_HOURS.withDrift(new InputDrift(DRIFT_AFTER, 1.5, 1.0)));

        final double meanShift = calm.keySet().stream()
                .mapToDouble(id -> drifted.get(id) - calm.get(id))
                .average()
                .orElseThrow();

        assertThat(drifted.keySet()).isEqualTo(calm.keySet());
        assertThat(meanShift).isBetween(1.2, 1.6);
    }

    @Test
    void aDriftOfOneBucketShiftsOnlyThatBucketsMarkets() {
        final Map<String, Double> calm = firstLogitAfterDrift(SIX_HOURS);
        final Map<String, Double> drifted =
                firstLogitAfterDrift(SIX_HOURS.withDrift(new InputDrift(DRIFT_AFTER, 1.5, 1.0).onlyBucket("mid")));
        final Map<String, LiquidityClass> liquidity = new MarketSimulator(SIX_HOURS)
                .markets().stream().collect(Collectors.toMap(MarketProfile::marketId, MarketProfile::liquidity));

        assertThat(liquidity.values()).contains(LiquidityClass.MID, LiquidityClass.HIGH, LiquidityClass.LOW);
        final double midShift = calm.keySet().stream()
                .filter(id -> liquidity.get(id) == LiquidityClass.MID)
                .mapToDouble(id -> drifted.get(id) - calm.get(id))
                .average()
                .orElseThrow();
        assertThat(midShift).isBetween(1.0, 1.6);
        calm.forEach((id, logit) -> {
            if (liquidity.get(id) != LiquidityClass.MID) {
                assertThat(drifted.get(id)).as(id).isEqualTo(logit);
            }
        });
    }

    @Test
    void afterTheDriftPricesMoveOnSeveralTimesMoreTicks() {
        // prices sit still most of the time (calm: about 1.5 % of a liquid market's ticks show a new price)
        final double calm = shareOfTicksThatMoveAfterDrift(SIX_HOURS);
        final double drifted =
                shareOfTicksThatMoveAfterDrift(SIX_HOURS.withDrift(new InputDrift(DRIFT_AFTER, 0.0, 3.0)));

        assertThat(calm).isBetween(0.005, 0.05);
        assertThat(drifted / calm).isGreaterThan(3.0);
    }

    @Test
    void theSameDriftedSpecYieldsTheSameRecords() {
        final SimulationSpec spec = SIX_HOURS.withDrift(InputDrift.after(DRIFT_AFTER));

        assertThat(new MarketSimulator(spec).stream().collect(Collectors.toList()))
                .isEqualTo(new MarketSimulator(spec).stream().collect(Collectors.toList()));
    }

    private static List<SimRecord> before(final long untilMs, final SimulationSpec spec) {
        return new MarketSimulator(spec)
                .stream().takeWhile(r -> r.timestampMs() < untilMs).collect(Collectors.toList());
    }

    /** Logit of each market's first tick at least 5 minutes after the drift. */
    private static Map<String, Double> firstLogitAfterDrift(final SimulationSpec spec) {
        final Map<String, Double> first = new LinkedHashMap<>();
        new MarketSimulator(spec).forEach(record -> {
            if (record.timestampMs() >= DRIFT_MS + 300_000L) {
                first.putIfAbsent(record.key(), logit(pYes(record)));
            }
        });
        return first;
    }

    /** Share of the liquid markets' ticks after the drift whose price differs from their previous tick's. */
    private static double shareOfTicksThatMoveAfterDrift(final SimulationSpec spec) {
        final MarketSimulator simulator = new MarketSimulator(spec);
        final Map<String, Boolean> liquid = simulator.markets().stream()
                .collect(Collectors.toMap(MarketProfile::marketId, p -> p.liquidity() == LiquidityClass.HIGH));
        final Map<String, Double> previous = new LinkedHashMap<>();
        final long[] ticks = new long[2];
        simulator.forEach(record -> {
            if (record.timestampMs() >= DRIFT_MS && liquid.get(record.key())) {
                final double p = pYes(record);
                final Double before = previous.put(record.key(), p);
                if (before != null) {
                    ticks[0]++;
                    ticks[1] += before != p ? 1 : 0;
                }
            }
        });
        return (double) ticks[1] / ticks[0];
    }

    private static double pYes(final SimRecord record) {
        return TickValidity.parse(record.value()).get("p_yes").asDouble();
    }

    private static double logit(final double p) {
        final double c = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(c / (1 - c));
    }
}
