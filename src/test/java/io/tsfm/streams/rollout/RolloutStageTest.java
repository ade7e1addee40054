package io.tsfm.streams.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RolloutStageTest {

    @Test
    void stagesParseByTheirConfigurationNames() {
        assertThat(RolloutStage.fromId("shadow")).isEqualTo(RolloutStage.SHADOW);
        assertThat(RolloutStage.fromId("canary_5")).isEqualTo(RolloutStage.CANARY_5);
        assertThat(RolloutStage.fromId("canary_25")).isEqualTo(RolloutStage.CANARY_25);
        assertThat(RolloutStage.fromId("full_100")).isEqualTo(RolloutStage.FULL_100);
        assertThatThrownBy(() -> RolloutStage.fromId("Canary_5"))
                .hasMessage(
                        "unknown rollout stage 'Canary_5' (expected one of: shadow, canary_5, canary_25, full_100)");
    }

    @Test
    void theDefaultStageIsFull100() {
        assertThat(RolloutStage.DEFAULT).isEqualTo(RolloutStage.FULL_100);
    }

    @Test
    void sharesGrowFromStageToStage() {
        assertThat(RolloutStage.values()).extracting(RolloutStage::shareBuckets).containsExactly(0, 500, 2_500, 10_000);
        assertThat(RolloutStage.CANARY_5.share()).isEqualTo(0.05);
    }

    @Test
    void everyStageButShadowHasACanaryGateStage() {
        assertThat(RolloutStage.SHADOW.gateStage()).isEmpty();
        assertThat(RolloutStage.CANARY_5.gateStage()).contains(Stage.CANARY_5);
        assertThat(RolloutStage.CANARY_25.gateStage()).contains(Stage.CANARY_25);
        assertThat(RolloutStage.FULL_100.gateStage()).contains(Stage.FULL_100);
    }
}
