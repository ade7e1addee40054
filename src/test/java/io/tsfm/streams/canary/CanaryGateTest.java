package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.canary.CanaryGate.CleanDuration;
import io.tsfm.streams.rollout.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The seed runbook's rules (its canary runbook), each at its threshold and just above it. */
class CanaryGateTest {

    /** Comfortably inside every limit of every stage. */
    private static final Window CLEAN = new Window(250.0, 0.002, 0.05, 0.01, 0.0);

    private static List<Window> clean(final int count) {
        final List<Window> windows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            windows.add(CLEAN);
        }
        return windows;
    }

    /** Six clean windows with {@code change} applied to the windows at the given indexes. */
    private static List<Window> sixWith(final UnaryOperator<Window> change, final int... indexes) {
        final List<Window> windows = clean(6);
        for (final int i : indexes) {
            windows.set(i, change.apply(windows.get(i)));
        }
        return windows;
    }

    private static UnaryOperator<Window> p95(final double ms) {
        return w -> new Window(ms, w.errorRate(), w.fallbackRate(), w.breakerOpenRate(), w.invalidOutputRate());
    }

    private static UnaryOperator<Window> errorRate(final double rate) {
        return w -> new Window(w.p95LatencyMs(), rate, w.fallbackRate(), w.breakerOpenRate(), w.invalidOutputRate());
    }

    private static UnaryOperator<Window> fallbackRate(final double rate) {
        return w -> new Window(w.p95LatencyMs(), w.errorRate(), rate, w.breakerOpenRate(), w.invalidOutputRate());
    }

    private static UnaryOperator<Window> breakerOpenRate(final double rate) {
        return w -> new Window(w.p95LatencyMs(), w.errorRate(), w.fallbackRate(), rate, w.invalidOutputRate());
    }

    private static UnaryOperator<Window> invalidOutputRate(final double rate) {
        return w -> new Window(w.p95LatencyMs(), w.errorRate(), w.fallbackRate(), w.breakerOpenRate(), rate);
    }

    private static GateResult canary5(final List<Window> windows) {
        return CanaryGate.evaluate(windows, 5, Stage.CANARY_5);
    }

    @Test
    void cleanWindowsPassEveryStageWithNoReasons() {
        for (final Stage stage : Stage.values()) {
            final GateResult result = CanaryGate.evaluate(clean(6), 5, stage);

            assertThat(result).isEqualTo(new GateResult(stage, 6, 5, true, false, List.of(), List.of()));
        }
    }

    @Nested
    class P95Latency {

        @Test
        void twoConsecutiveWindowsAtExactly400msDoNotRollBackButFailTheGate() {
            final GateResult result = canary5(sixWith(p95(400.0), 2, 3));

            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.rollbackReasons()).isEmpty();
            assertThat(result.gateFailReasons()).containsExactly("gate:p95>300ms");
            assertThat(result.gatePassed()).isFalse();
        }

        @Test
        void twoConsecutiveWindowsJustAbove400msRollBack() {
            final GateResult result = canary5(sixWith(p95(400.001), 2, 3));

            assertThat(result.rollbackTriggered()).isTrue();
            assertThat(result.rollbackReasons()).containsExactly("p95>400ms_for_2x5m");
            assertThat(result.gateFailReasons()).containsExactly("gate:p95>300ms");
            assertThat(result.gatePassed()).isFalse();
        }

        @Test
        void twoNonConsecutiveWindowsAbove400msDoNotRollBack() {
            final GateResult result = canary5(sixWith(p95(900.0), 1, 3, 5));

            assertThat(result.rollbackReasons()).isEmpty();
            assertThat(result.gateFailReasons()).containsExactly("gate:p95>300ms");
        }

        @Test
        void oneWindowAbove400msDoesNotRollBack() {
            final GateResult result = canary5(sixWith(p95(5000.0), 5));

            assertThat(result.rollbackTriggered()).isFalse();
        }

        @Test
        void twoConsecutiveWindowsCountWhateverTheWindowLengthAsInTheSeed() {
            final GateResult result = CanaryGate.evaluate(sixWith(p95(401.0), 0, 1), 1, Stage.CANARY_5);

            assertThat(result.rollbackReasons()).containsExactly("p95>400ms_for_2x5m");
        }

        @Test
        void aMaximumOfExactly300msPassesTheGate() {
            final GateResult result = canary5(sixWith(p95(300.0), 0, 1, 2, 3, 4, 5));

            assertThat(result.gatePassed()).isTrue();
        }

        @Test
        void oneWindowJustAbove300msFailsTheGateWithoutRollback() {
            final GateResult result = canary5(sixWith(p95(300.001), 4));

            assertThat(result.gatePassed()).isFalse();
            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.gateFailReasons()).containsExactly("gate:p95>300ms");
        }

        @Test
        void anInfiniteP95AboveTheLargestBucketCountsAsAbove400ms() {
            final GateResult result = canary5(sixWith(p95(Double.POSITIVE_INFINITY), 0, 1));

            assertThat(result.rollbackReasons()).containsExactly("p95>400ms_for_2x5m");
        }
    }

    @Nested
    class ErrorRate {

        @Test
        void exactly2PercentInAWindowDoesNotRollBackButFailsTheGate() {
            final GateResult result = canary5(sixWith(errorRate(0.02), 3));

            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.gateFailReasons()).containsExactly("gate:error_rate>1pct");
        }

        @Test
        void justAbove2PercentInAnySingleWindowRollsBack() {
            final GateResult result = canary5(sixWith(errorRate(0.0201), 0));

            assertThat(result.rollbackReasons()).containsExactly("error_rate>2pct_any_5m");
            assertThat(result.gateFailReasons()).containsExactly("gate:error_rate>1pct");
        }

        @Test
        void exactly1PercentPassesTheGate() {
            final GateResult result = canary5(sixWith(errorRate(0.01), 0, 1, 2, 3, 4, 5));

            assertThat(result.gatePassed()).isTrue();
        }

        @Test
        void justAbove1PercentFailsTheGateWithoutRollback() {
            final GateResult result = canary5(sixWith(errorRate(0.0101), 2));

            assertThat(result.gatePassed()).isFalse();
            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.gateFailReasons()).containsExactly("gate:error_rate>1pct");
        }
    }

    @Nested
    class InvalidOutputRate {

        @Test
        void zeroInEveryWindowPasses() {
            assertThat(canary5(sixWith(invalidOutputRate(0.0), 0, 1, 2, 3, 4, 5))
                            .gatePassed())
                    .isTrue();
        }

        @Test
        void anyNonZeroValueRollsBackAndFailsTheGate() {
            final GateResult result = canary5(sixWith(invalidOutputRate(0.000001), 5));

            assertThat(result.rollbackReasons()).containsExactly("invalid_output_rate>0");
            assertThat(result.gateFailReasons()).containsExactly("gate:invalid_output_rate_nonzero");
            assertThat(result.gatePassed()).isFalse();
        }
    }

    @Nested
    class FallbackRate {

        @Test
        void threeConsecutiveFiveMinuteWindowsAbove20PercentRollBack() {
            final GateResult result = canary5(sixWith(fallbackRate(0.21), 1, 2, 3));

            assertThat(result.rollbackReasons()).containsExactly("fallback_rate>20pct_for_15m");
            assertThat(result.gateFailReasons()).containsExactly("gate:fallback_rate>8pct_for_canary_5");
        }

        @Test
        void twoConsecutiveFiveMinuteWindowsAbove20PercentDoNotRollBack() {
            final GateResult result = canary5(sixWith(fallbackRate(0.21), 1, 2));

            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.gateFailReasons()).containsExactly("gate:fallback_rate>8pct_for_canary_5");
        }

        @Test
        void threeWindowsAbove20PercentThatAreNotConsecutiveDoNotRollBack() {
            final GateResult result = canary5(sixWith(fallbackRate(0.5), 0, 1, 3, 4));

            assertThat(result.rollbackTriggered()).isFalse();
        }

        @Test
        void threeConsecutiveWindowsAtExactly20PercentDoNotRollBack() {
            final GateResult result = canary5(sixWith(fallbackRate(0.20), 0, 1, 2, 3, 4, 5));

            assertThat(result.rollbackTriggered()).isFalse();
        }

        @Test
        void fifteenMinutesIsConsecutiveWindowsTimesTheWindowLength() {
            assertThat(CanaryGate.evaluate(sixWith(fallbackRate(0.21), 2), 15, Stage.CANARY_5)
                            .rollbackReasons())
                    .containsExactly("fallback_rate>20pct_for_15m");
            assertThat(CanaryGate.evaluate(sixWith(fallbackRate(0.21), 2, 3), 10, Stage.CANARY_5)
                            .rollbackReasons())
                    .containsExactly("fallback_rate>20pct_for_15m");
            assertThat(CanaryGate.evaluate(sixWith(fallbackRate(0.21), 2, 3), 7, Stage.CANARY_5)
                            .rollbackReasons())
                    .isEmpty();
            assertThat(CanaryGate.evaluate(sixWith(fallbackRate(0.21), 2, 3, 4), 7, Stage.CANARY_5)
                            .rollbackReasons())
                    .containsExactly("fallback_rate>20pct_for_15m");
        }
    }

    @Nested
    class BreakerOpenRate {

        @Test
        void threeConsecutiveFiveMinuteWindowsAbove30PercentRollBack() {
            final GateResult result = canary5(sixWith(breakerOpenRate(0.31), 3, 4, 5));

            assertThat(result.rollbackReasons()).containsExactly("breaker_open_rate>30pct_for_15m");
        }

        @Test
        void twoConsecutiveFiveMinuteWindowsAbove30PercentDoNotRollBack() {
            final GateResult result = canary5(sixWith(breakerOpenRate(0.31), 4, 5));

            assertThat(result.rollbackTriggered()).isFalse();
        }

        @Test
        void threeConsecutiveWindowsAtExactly30PercentDoNotRollBack() {
            final GateResult result = canary5(sixWith(breakerOpenRate(0.30), 0, 1, 2, 3, 4, 5));

            assertThat(result.rollbackTriggered()).isFalse();
        }

        @Test
        void theBreakerHasNoGateThresholdOfItsOwnSoItsRollbackAloneFailsTheGateWithNoGateReason() {
            final GateResult shortBurst = canary5(sixWith(breakerOpenRate(0.9), 4, 5));
            final GateResult sustained = canary5(sixWith(breakerOpenRate(0.31), 0, 1, 2));

            assertThat(shortBurst.gatePassed()).isTrue();
            assertThat(sustained.gatePassed()).isFalse();
            assertThat(sustained.rollbackTriggered()).isTrue();
            assertThat(sustained.gateFailReasons()).isEmpty();
        }
    }

    @Nested
    class StageFallbackLimits {

        @Test
        void canary5AllowsExactly8PercentAndFailsJustAbove() {
            assertThat(canary5(sixWith(fallbackRate(0.08), 0, 1, 2, 3, 4, 5)).gatePassed())
                    .isTrue();

            final GateResult result = canary5(sixWith(fallbackRate(0.0801), 3));

            assertThat(result.gatePassed()).isFalse();
            assertThat(result.rollbackTriggered()).isFalse();
            assertThat(result.gateFailReasons()).containsExactly("gate:fallback_rate>8pct_for_canary_5");
        }

        @Test
        void canary25AllowsExactly10PercentAndFailsJustAbove() {
            final List<Window> at = sixWith(fallbackRate(0.10), 0, 1, 2, 3, 4, 5);
            final List<Window> above = sixWith(fallbackRate(0.1001), 3);

            assertThat(CanaryGate.evaluate(at, 5, Stage.CANARY_25).gatePassed()).isTrue();
            assertThat(CanaryGate.evaluate(above, 5, Stage.CANARY_25).gateFailReasons())
                    .containsExactly("gate:fallback_rate>10pct_for_canary_25");
        }

        @Test
        void full100AllowsExactly10PercentAndFailsJustAbove() {
            final List<Window> at = sixWith(fallbackRate(0.10), 0, 1, 2, 3, 4, 5);
            final List<Window> above = sixWith(fallbackRate(0.1001), 3);

            assertThat(CanaryGate.evaluate(at, 5, Stage.FULL_100).gatePassed()).isTrue();
            assertThat(CanaryGate.evaluate(above, 5, Stage.FULL_100).gateFailReasons())
                    .containsExactly("gate:fallback_rate>10pct_for_full_100");
        }

        @Test
        void ninePercentFailsCanary5ButPassesCanary25AndFull100() {
            final List<Window> windows = sixWith(fallbackRate(0.09), 0, 1, 2, 3, 4, 5);

            assertThat(CanaryGate.evaluate(windows, 5, Stage.CANARY_5).gatePassed())
                    .isFalse();
            assertThat(CanaryGate.evaluate(windows, 5, Stage.CANARY_25).gatePassed())
                    .isTrue();
            assertThat(CanaryGate.evaluate(windows, 5, Stage.FULL_100).gatePassed())
                    .isTrue();
        }
    }

    @Test
    void everyReasonIsListedInTheSeedsOrder() {
        final List<Window> windows = List.of(
                new Window(450.0, 0.03, 0.25, 0.35, 0.001),
                new Window(450.0, 0.03, 0.25, 0.35, 0.0),
                new Window(250.0, 0.0, 0.25, 0.35, 0.0));

        final GateResult result = CanaryGate.evaluate(windows, 5, Stage.CANARY_25);

        assertThat(result.rollbackReasons())
                .containsExactly(
                        "p95>400ms_for_2x5m",
                        "error_rate>2pct_any_5m",
                        "invalid_output_rate>0",
                        "fallback_rate>20pct_for_15m",
                        "breaker_open_rate>30pct_for_15m");
        assertThat(result.gateFailReasons())
                .containsExactly(
                        "gate:p95>300ms",
                        "gate:error_rate>1pct",
                        "gate:invalid_output_rate_nonzero",
                        "gate:fallback_rate>10pct_for_canary_25");
        assertThat(result.windows()).isEqualTo(3);
        assertThat(result.windowMinutes()).isEqualTo(5);
    }

    @Nested
    class CleanDurationOfTheStage {

        @Test
        void isNotCheckedByDefaultAsInTheSeedSoOneCleanWindowPassesFull100() {
            assertThat(CanaryGate.evaluate(clean(1), 5, Stage.FULL_100).gatePassed())
                    .isTrue();
        }

        @Test
        void whenRequiredThirtyMinutesOfWindowsPassCanary5ButNotCanary25() {
            final GateResult canary5 = CanaryGate.evaluate(clean(6), 5, Stage.CANARY_5, CleanDuration.REQUIRED);
            final GateResult canary25 = CanaryGate.evaluate(clean(6), 5, Stage.CANARY_25, CleanDuration.REQUIRED);

            assertThat(canary5.gatePassed()).isTrue();
            assertThat(canary25.gatePassed()).isFalse();
            assertThat(canary25.rollbackTriggered()).isFalse();
            assertThat(canary25.gateFailReasons()).containsExactly("gate:observed_30m<required_60m_for_canary_25");
        }

        @Test
        void whenRequiredFull100NeedsTwentyFourHours() {
            assertThat(CanaryGate.evaluate(clean(287), 5, Stage.FULL_100, CleanDuration.REQUIRED)
                            .gateFailReasons())
                    .containsExactly("gate:observed_1435m<required_1440m_for_full_100");
            assertThat(CanaryGate.evaluate(clean(288), 5, Stage.FULL_100, CleanDuration.REQUIRED)
                            .gatePassed())
                    .isTrue();
        }
    }

    @Test
    void noWindowsOrANonPositiveWindowLengthIsRejected() {
        assertThatThrownBy(() -> CanaryGate.evaluate(List.of(), 5, Stage.CANARY_5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty metric windows");
        assertThatThrownBy(() -> CanaryGate.evaluate(clean(1), 0, Stage.CANARY_5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window_minutes must be > 0, got 0");
    }

    @Test
    void aWindowRejectsNegativeAndNanValues() {
        assertThatThrownBy(() -> new Window(250.0, -0.01, 0.0, 0.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("error_rate must be a number >= 0, got -0.01");
        assertThatThrownBy(() -> new Window(Double.NaN, 0.0, 0.0, 0.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("p95_latency_ms must be");
    }

    @Test
    void stagesAreParsedByTheirExactNames() {
        assertThat(Stage.fromId("canary_5")).isEqualTo(Stage.CANARY_5);
        assertThat(Stage.fromId("canary_25")).isEqualTo(Stage.CANARY_25);
        assertThat(Stage.fromId("full_100")).isEqualTo(Stage.FULL_100);
        assertThatThrownBy(() -> Stage.fromId("CANARY_5"))
                .hasMessage("unknown stage 'CANARY_5' (expected one of: canary_5, canary_25, full_100)");
    }
}
