package io.tsfm.streams.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.GateDecision;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutRouterTest {

    private static final ModelRef CURRENT = ModelRef.named("chronos2");
    private static final ModelRef CANDIDATE = new ModelRef("timesfm-2.5", "http://candidate:11435");
    private static final SegmentRules LOW_ON_BASELINE = SegmentRules.parse("liquidity_bucket=low");

    /** m-0001 has bucket 5029: outside canary_5 (500) and canary_25 (2500). */
    private static final String OUTSIDE = "m-0001";
    /** market-abc has bucket 952: outside canary_5, inside canary_25. */
    private static final String IN_25 = "market-abc";

    private static final List<String> IDS = IntStream.range(0, 20_000)
            .mapToObj(i -> String.format(Locale.ROOT, "m-%05d", i))
            .toList();

    @Test
    void aMarketInsideTheCanaryShareIsServedByTheCandidate() {
        final Route route = router(RolloutStage.CANARY_25, CURRENT, false).route(IN_25, "high");

        assertThat(route.target()).isEqualTo(RouteTarget.CANDIDATE);
        assertThat(route.model()).isEqualTo(CANDIDATE);
        assertThat(route.routeSelected()).isEqualTo("tsfm");
        assertThat(route.reason()).isEqualTo("canary_share");
        assertThat(route.shadowCall()).isFalse();
        assertThat(route.gateDecision()).isEqualTo(GateDecision.MODEL);
    }

    @Test
    void aMarketOutsideTheCanaryShareIsServedByTheCurrentModel() {
        final Route route = router(RolloutStage.CANARY_5, CURRENT, false).route(IN_25, "high");

        assertThat(route.target()).isEqualTo(RouteTarget.CURRENT_MODEL);
        assertThat(route.model()).isEqualTo(CURRENT);
        assertThat(route.routeSelected()).isEqualTo("tsfm");
        assertThat(route.reason()).isEqualTo("outside_canary_share");
        assertThat(route.shadowCall()).isFalse();
    }

    @Test
    void onTheFirstRolloutOverTheBaselineMarketsOutsideTheShareGetTheBaselineByRoutePolicy() {
        final Route route = router(RolloutStage.CANARY_25, null, false).route(OUTSIDE, "mid");

        assertThat(route.target()).isEqualTo(RouteTarget.BASELINE);
        assertThat(route.model()).isNull();
        assertThat(route.routeSelected()).isEqualTo("baseline");
        assertThat(route.reason()).isEqualTo("outside_canary_share");
        assertThat(route.gateDecision())
                .isEqualTo(new GateDecision(FallbackReasons.ROUTE_POLICY_BASELINE, "outside_canary_share"));
    }

    @Test
    void fullRolloutServesEveryoneWithTheCandidate() {
        final RolloutRouter router = router(RolloutStage.FULL_100, CURRENT, true);

        assertThat(IDS).allSatisfy(id -> {
            final Route route = router.route(id, "mid");
            assertThat(route.target()).isEqualTo(RouteTarget.CANDIDATE);
            assertThat(route.reason()).isEqualTo("full_rollout");
            assertThat(route.shadowCall()).isFalse();
        });
    }

    @Test
    void theShadowStageServesNoOneWithTheCandidateAndShadowCallsItForEveryone() {
        final RolloutRouter router = router(RolloutStage.SHADOW, CURRENT, false);

        assertThat(IDS).allSatisfy(id -> {
            final Route route = router.route(id, "high");
            assertThat(route.target()).isEqualTo(RouteTarget.CURRENT_MODEL);
            assertThat(route.reason()).isEqualTo("shadow_stage");
            assertThat(route.shadow()).isEqualTo(CANDIDATE);
        });
    }

    @Test
    void theShadowStageOverTheBaselineServesTheBaselineAndStillShadowCallsTheCandidate() {
        final Route route = router(RolloutStage.SHADOW, null, false).route(OUTSIDE, "high");

        assertThat(route.target()).isEqualTo(RouteTarget.BASELINE);
        assertThat(route.reason()).isEqualTo("shadow_stage");
        assertThat(route.shadow()).isEqualTo(CANDIDATE);
    }

    @Test
    void canaryStagesShadowCallTheCandidateOutsideTheShareOnlyWhenAskedTo() {
        assertThat(router(RolloutStage.CANARY_5, CURRENT, true)
                        .route(OUTSIDE, "high")
                        .shadow())
                .isEqualTo(CANDIDATE);
        assertThat(router(RolloutStage.CANARY_5, CURRENT, false)
                        .route(OUTSIDE, "high")
                        .shadowCall())
                .isFalse();
        assertThat(router(RolloutStage.CANARY_25, CURRENT, true)
                        .route(IN_25, "high")
                        .shadowCall())
                .isFalse();
    }

    @Test
    void aSegmentRuleSendsItsSegmentToTheBaselineAtEveryStage() {
        for (final RolloutStage stage : RolloutStage.values()) {
            final RolloutRouter router =
                    new RolloutRouter(new RolloutPolicy(stage, CANDIDATE, CURRENT, LOW_ON_BASELINE, true));

            final Route low = router.route(IN_25, "low");

            assertThat(low.target()).as(stage.id()).isEqualTo(RouteTarget.BASELINE);
            assertThat(low.reason()).isEqualTo("segment_rule:liquidity_bucket=low");
            assertThat(low.shadowCall()).isFalse();
            assertThat(low.gateDecision().reason()).isEqualTo("route_policy_baseline");
            assertThat(router.route(IN_25, "mid").target()).isNotEqualTo(RouteTarget.BASELINE);
        }
    }

    @Test
    void withoutACandidateTheCurrentModelServesEveryoneOutsideTheBaselineSegments() {
        final RolloutRouter router = new RolloutRouter(RolloutPolicy.noRollout(CURRENT, LOW_ON_BASELINE));

        assertThat(router.route(OUTSIDE, "high").target()).isEqualTo(RouteTarget.CURRENT_MODEL);
        assertThat(router.route(OUTSIDE, "high").reason()).isEqualTo("no_rollout");
        assertThat(router.route(OUTSIDE, "high").stage()).isEqualTo(RolloutStage.FULL_100);
        assertThat(router.route(OUTSIDE, "low").target()).isEqualTo(RouteTarget.BASELINE);
    }

    @Test
    void theRoutedShareOfACanaryStageIsItsTargetWithinOnePercentagePoint() {
        for (final RolloutStage stage : List.of(RolloutStage.CANARY_5, RolloutStage.CANARY_25)) {
            final RolloutRouter router = router(stage, null, false);
            final long candidate = IDS.stream()
                    .filter(id -> router.route(id, "high").target() == RouteTarget.CANDIDATE)
                    .count();

            assertThat((double) candidate / IDS.size()).as(stage.id()).isCloseTo(stage.share(), within(0.01));
        }
    }

    @Test
    void aFreshRouterRoutesEveryMarketAsBefore() {
        final List<Route> before = IDS.stream()
                .map(id -> router(RolloutStage.CANARY_25, CURRENT, true).route(id, "mid"))
                .toList();

        final RolloutRouter restarted = router(RolloutStage.CANARY_25, CURRENT, true);

        assertThat(IDS.stream().map(id -> restarted.route(id, "mid")).toList()).isEqualTo(before);
    }

    @Test
    void aPolicyWithoutAnyModelIsRefused() {
        assertThatThrownBy(() -> new RolloutPolicy(RolloutStage.CANARY_5, null, null, SegmentRules.NONE, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candidate model or a current model");
    }

    private static RolloutRouter router(
            final RolloutStage stage, final ModelRef current, final boolean shadowOutsideShare) {
        return new RolloutRouter(new RolloutPolicy(stage, CANDIDATE, current, SegmentRules.NONE, shadowOutsideShare));
    }
}
