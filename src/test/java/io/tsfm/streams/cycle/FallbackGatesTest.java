package io.tsfm.streams.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.GateDecision;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.rollout.RolloutStage;
import io.tsfm.streams.rollout.Route;
import io.tsfm.streams.rollout.RouteTarget;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackGatesTest {
    private static final long MINUTE = 60_000L;
    private static final long STEP = 5 * MINUTE;
    private static final long AS_OF = 1_714_564_800_000L;

    private final FallbackGates gates = new FallbackGates(32, Set.of("low"), 60 * MINUTE);

    private static MarketContext context(
            final int length, final long maxGapMs, final long sinceLastTickMs, final String bucket) {
        final double[] values = new double[length];
        Arrays.fill(values, 0.5);
        return new MarketContext(AS_OF, STEP, values, length, maxGapMs, AS_OF - sinceLastTickMs, bucket);
    }

    private static MarketContext healthy() {
        return context(288, STEP, MINUTE, "high");
    }

    @Test
    void asksTheModelWhenNoGateMatches() {
        final GateDecision decision = gates.evaluate(healthy(), false);

        assertThat(decision).isEqualTo(GateDecision.MODEL);
        assertThat(decision.baseline()).isFalse();
    }

    @Test
    void sendsAShortContextToTheBaseline() {
        final GateDecision decision = gates.evaluate(context(31, STEP, MINUTE, "high"), false);

        assertThat(decision).isEqualTo(new GateDecision("too_few_points", "31 steps < 32"));
        assertThat(decision.baseline()).isTrue();
    }

    @Test
    void acceptsAContextOfExactlyTheMinimumLength() {
        assertThat(gates.evaluate(context(32, STEP, MINUTE, "high"), false)).isEqualTo(GateDecision.MODEL);
    }

    @Test
    void sendsABaselineOnlyBucketToTheBaseline() {
        final GateDecision decision = gates.evaluate(context(288, STEP, MINUTE, "low"), false);

        assertThat(decision).isEqualTo(new GateDecision("baseline_only_liquidity_bucket", "liquidity_bucket=low"));
    }

    @Test
    void letsAMarketWithoutABucketThrough() {
        assertThat(gates.evaluate(context(288, STEP, MINUTE, null), false)).isEqualTo(GateDecision.MODEL);
    }

    @Test
    void sendsAGapInTheContextToTheBaseline() {
        final GateDecision decision = gates.evaluate(context(288, 65 * MINUTE, MINUTE, "high"), false);

        assertThat(decision).isEqualTo(new GateDecision("max_gap_exceeded", "gap of 65 min in the context > 60 min"));
    }

    @Test
    void acceptsAGapOfExactlyTheLimit() {
        assertThat(gates.evaluate(context(288, 60 * MINUTE, 60 * MINUTE, "high"), false))
                .isEqualTo(GateDecision.MODEL);
    }

    @Test
    void sendsAMarketSilentForTooLongToTheBaseline() {
        final GateDecision decision = gates.evaluate(context(288, STEP, 64 * MINUTE, "high"), false);

        assertThat(decision).isEqualTo(new GateDecision("max_gap_exceeded", "64 min since the last tick > 60 min"));
    }

    @Test
    void sendsEveryCallToTheBaselineWhileTheBreakerIsOpen() {
        final GateDecision decision = gates.evaluate(healthy(), true);

        assertThat(decision).isEqualTo(new GateDecision("circuit_breaker_open", "circuit breaker is open"));
    }

    @Test
    void reportsTooFewPointsBeforeEveryOtherReason() {
        final GateDecision decision = gates.evaluate(context(10, 90 * MINUTE, 90 * MINUTE, "low"), true);

        assertThat(decision.reason()).isEqualTo("too_few_points");
    }

    @Test
    void reportsTheLiquidityBucketBeforeGapsAndTheBreaker() {
        final GateDecision decision = gates.evaluate(context(288, 90 * MINUTE, 90 * MINUTE, "low"), true);

        assertThat(decision.reason()).isEqualTo("baseline_only_liquidity_bucket");
    }

    @Test
    void reportsTheGapInTheContextBeforeTheTimeSinceTheLastTick() {
        final GateDecision decision = gates.evaluate(context(288, 90 * MINUTE, 70 * MINUTE, "high"), true);

        assertThat(decision.detail()).isEqualTo("gap of 90 min in the context > 60 min");
    }

    @Test
    void reportsTheTimeSinceTheLastTickBeforeTheBreaker() {
        final GateDecision decision = gates.evaluate(context(288, STEP, 70 * MINUTE, "high"), true);

        assertThat(decision).isEqualTo(new GateDecision("max_gap_exceeded", "70 min since the last tick > 60 min"));
    }

    @Test
    void sendsTheModelsMarketsToTheBaselineWhileItsLicenceIsUnverifiedOrRefused() {
        assertThat(gates.evaluate(healthy(), ModelAvailability.LICENCE_UNVERIFIED))
                .isEqualTo(new GateDecision("model_licence_unverified", "the model's licence could not be read yet"));
        assertThat(gates.evaluate(healthy(), ModelAvailability.LICENCE_REFUSED))
                .isEqualTo(new GateDecision("model_licence_refused", "the model's licence is not allowed"));
    }

    @Test
    void reportsTheInputGatesAndTheRoutePolicyBeforeTheLicence() {
        final Route toBaseline = new Route(RouteTarget.BASELINE, null, "segment_rule:low", RolloutStage.CANARY_5, null);

        assertThat(gates.evaluate(context(10, STEP, MINUTE, "high"), ModelAvailability.LICENCE_UNVERIFIED)
                        .reason())
                .isEqualTo("too_few_points");
        assertThat(gates.evaluate(healthy(), toBaseline, ModelAvailability.LICENCE_UNVERIFIED))
                .isEqualTo(new GateDecision("route_policy_baseline", "segment_rule:low"));
    }
}
