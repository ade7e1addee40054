package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickTest {

    @Test
    void aTickIsWrittenAsTheJsonTheAppConsumes() {
        final Tick tick = new Tick(
                "m-0001", Instant.parse("2026-11-22T10:00:03.120Z").toEpochMilli(), 0.4213, "high", 123456.0, 54321.0);

        assertThat(tick.toJson())
                .isEqualTo(
                        "{\"market_id\":\"m-0001\",\"ts\":\"2026-11-22T10:00:03.120Z\","
                                + "\"p_yes\":0.4213,\"liquidity_bucket\":\"high\",\"volume_24h\":123456.0,\"open_interest\":54321.0}");
    }

    @Test
    void numbersArePlainDecimalsWithAtLeastOneDecimalDigit() {
        assertThat(Tick.decimal(1.0, 4)).isEqualTo("1.0");
        assertThat(Tick.decimal(0.0, 4)).isEqualTo("0.0");
        assertThat(Tick.decimal(0.0001, 4)).isEqualTo("0.0001");
        assertThat(Tick.decimal(0.5, 4)).isEqualTo("0.5");
        assertThat(Tick.decimal(9999.99, 2)).isEqualTo("9999.99");
        assertThat(Tick.decimal(2_500_000.0, 2)).isEqualTo("2500000.0");
    }

    @Test
    void timestampsAlwaysCarryMilliseconds() {
        assertThat(Tick.formatTimestamp(Instant.parse("2026-11-22T10:00:00Z").toEpochMilli()))
                .isEqualTo("2026-11-22T10:00:00.000Z");
    }

    @Test
    void theBucketFollowsTheSeedRuleOnVolume() {
        assertThat(LiquidityClass.ofVolume(9_999.99)).isEqualTo(LiquidityClass.LOW);
        assertThat(LiquidityClass.ofVolume(10_000.0)).isEqualTo(LiquidityClass.MID);
        assertThat(LiquidityClass.ofVolume(99_999.99)).isEqualTo(LiquidityClass.MID);
        assertThat(LiquidityClass.ofVolume(100_000.0)).isEqualTo(LiquidityClass.HIGH);
    }
}
