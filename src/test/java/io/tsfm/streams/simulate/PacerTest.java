package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant ORIGIN = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void atSpeedSixtyAMinuteOfEventTimeIsDueAfterOneSecond() {
        final Pacer pacer = new Pacer(ORIGIN, 60.0);

        assertThat(pacer.dueNanos(ORIGIN.plusSeconds(60).toEpochMilli())).isEqualTo(1_000_000_000L);
        assertThat(pacer.dueNanos(ORIGIN.toEpochMilli())).isZero();
    }

    @Test
    void atSpeedZeroEveryRecordIsDueAtOnce() {
        final Pacer pacer = new Pacer(ORIGIN, 0.0);

        assertThat(pacer.dueNanos(ORIGIN.plusSeconds(86_400).toEpochMilli())).isZero();
    }

    @Test
    void negativeOrInfiniteSpeedsAreRejected() {
        assertThatThrownBy(() -> new Pacer(ORIGIN, -1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer(ORIGIN, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
