package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Fault decisions: precedence, countdown, outage cycle and seeded reproducibility. */
class FaultInjectorTest {

    @Test
    void withNoFaultsEveryRequestIsHealthyAndImmediate() {
        final FaultInjector injector = new FaultInjector(FaultProfile.NONE, 1L);

        final FaultDecision decision = injector.decide(10);

        assertThat(decision.outcome()).isEqualTo(FaultDecision.Outcome.HEALTHY);
        assertThat(decision.delayMs()).isZero();
        assertThat(decision.faulted()).isFalse();
    }

    @Test
    void latencyIsFixedPlusPerSeriesPlusBoundedJitter() {
        final FaultInjector injector = new FaultInjector(
                FaultProfile.builder()
                        .latencyMs(100)
                        .latencyPerSeriesMs(5)
                        .latencyJitterMs(20)
                        .build(),
                1L);

        for (int i = 0; i < 200; i++) {
            assertThat(injector.decide(4).delayMs()).isBetween(120L, 140L);
        }
    }

    @Test
    void failFirstNFailsTheNextNRequestsThenHeals() {
        final FaultInjector injector = new FaultInjector(
                FaultProfile.builder().failFirstN(2).errorStatus(500).build(), 1L);

        final List<FaultDecision.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(injector.decide(1).outcome());
        }

        assertThat(outcomes)
                .containsExactly(
                        FaultDecision.Outcome.ERROR,
                        FaultDecision.Outcome.ERROR,
                        FaultDecision.Outcome.HEALTHY,
                        FaultDecision.Outcome.HEALTHY);
        assertThat(injector.failFirstRemaining()).isZero();
    }

    @Test
    void settingAProfileRestartsTheFailFirstCountdown() {
        final FaultProfile failOne = FaultProfile.builder().failFirstN(1).build();
        final FaultInjector injector = new FaultInjector(failOne, 1L);
        injector.decide(1);

        injector.set(failOne);

        assertThat(injector.failFirstRemaining()).isEqualTo(1);
        assertThat(injector.decide(1).errorStatus()).isEqualTo(503);
    }

    @Test
    void theOutageCycleIsDownForThreeMinutesThenUpForThreeMinutes() {
        final AtomicLong now = new AtomicLong(1_000_000L);
        final FaultInjector injector = new FaultInjector(FaultProfile.preset("outage"), 1L, now::get);

        final FaultDecision.Outcome atStart = injector.decide(1).outcome();
        now.addAndGet(179_999);
        final FaultDecision.Outcome justBeforeRecovery = injector.decide(1).outcome();
        now.addAndGet(1);
        final FaultDecision.Outcome recovered = injector.decide(1).outcome();
        now.addAndGet(180_000);
        final FaultDecision.Outcome downAgain = injector.decide(1).outcome();

        assertThat(atStart).isEqualTo(FaultDecision.Outcome.ERROR);
        assertThat(justBeforeRecovery).isEqualTo(FaultDecision.Outcome.ERROR);
        assertThat(recovered).isEqualTo(FaultDecision.Outcome.HEALTHY);
        assertThat(downAgain).isEqualTo(FaultDecision.Outcome.ERROR);
    }

    @Test
    void aDownPhaseWithoutAnUpPhaseStaysDown() {
        final AtomicLong now = new AtomicLong();
        final FaultInjector injector =
                new FaultInjector(FaultProfile.builder().cycleDownMs(10).build(), 1L, now::get);
        now.set(1_000_000);

        assertThat(injector.inOutage()).isTrue();
    }

    @Test
    void hangWinsOverErrorAndGarbage() {
        final FaultInjector injector = new FaultInjector(
                FaultProfile.builder()
                        .hangRate(1.0)
                        .errorRate(1.0)
                        .garbageRate(1.0)
                        .build(),
                1L);

        assertThat(injector.decide(1).outcome()).isEqualTo(FaultDecision.Outcome.HANG);
    }

    @Test
    void failFirstNWinsOverHang() {
        final FaultInjector injector = new FaultInjector(
                FaultProfile.builder().failFirstN(1).hangRate(1.0).build(), 1L);

        assertThat(injector.decide(1).outcome()).isEqualTo(FaultDecision.Outcome.ERROR);
        assertThat(injector.decide(1).outcome()).isEqualTo(FaultDecision.Outcome.HANG);
    }

    @Test
    void garbageCarriesItsKind() {
        final FaultInjector injector = new FaultInjector(
                FaultProfile.builder()
                        .garbageRate(1.0)
                        .garbageKind(GarbageKind.MISSING_QUANTILE)
                        .build(),
                1L);

        final FaultDecision decision = injector.decide(1);

        assertThat(decision.outcome()).isEqualTo(FaultDecision.Outcome.GARBAGE);
        assertThat(decision.garbageKind()).isEqualTo(GarbageKind.MISSING_QUANTILE);
    }

    @Test
    void anErrorRateIsHonouredOverManyDraws() {
        final FaultInjector injector = new FaultInjector(FaultProfile.preset("flaky"), 5L);

        int errors = 0;
        for (int i = 0; i < 10_000; i++) {
            errors += injector.decide(1).outcome() == FaultDecision.Outcome.ERROR ? 1 : 0;
        }

        assertThat(errors).isBetween(2_800, 3_200);
    }

    @Test
    void theSameSeedDrawsTheSameSequence() {
        final FaultProfile mixed = FaultProfile.builder()
                .errorRate(0.2)
                .garbageRate(0.2)
                .latencyJitterMs(50)
                .build();

        assertThat(draws(new FaultInjector(mixed, 9L))).isEqualTo(draws(new FaultInjector(mixed, 9L)));
    }

    @Test
    void clearRemovesEveryFault() {
        final FaultInjector injector = new FaultInjector(FaultProfile.preset("down"), 1L);

        injector.clear();

        assertThat(injector.profile()).isEqualTo(FaultProfile.NONE);
        assertThat(injector.decide(1).outcome()).isEqualTo(FaultDecision.Outcome.HEALTHY);
    }

    private static List<FaultDecision> draws(final FaultInjector injector) {
        final List<FaultDecision> out = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            out.add(injector.decide(3));
        }
        return out;
    }
}
