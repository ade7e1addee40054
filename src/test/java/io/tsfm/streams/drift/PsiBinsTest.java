package io.tsfm.streams.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PsiBinsTest {

    @Test
    void aValueOnAnEdgeFallsInTheBinAboveIt() {
        final PsiBins bins = new PsiBins(new double[] {-1, 0, 1});

        assertThat(bins.count()).isEqualTo(4);
        assertThat(bins.binOf(-1.5)).isZero();
        assertThat(bins.binOf(-1.0)).isEqualTo(1);
        assertThat(bins.binOf(-0.0001)).isEqualTo(1);
        assertThat(bins.binOf(0.0)).isEqualTo(2);
        assertThat(bins.binOf(1.0)).isEqualTo(3);
        assertThat(bins.binOf(1e9)).isEqualTo(3);
    }

    @Test
    void theEndBinsAreOpen() {
        assertThat(PsiBins.LOGIT_LEVEL.binOf(Double.NEGATIVE_INFINITY)).isZero();
        assertThat(PsiBins.LOGIT_LEVEL.binOf(-13.8)).isZero();
        assertThat(PsiBins.LOGIT_LEVEL.binOf(13.8)).isEqualTo(13);
        assertThat(PsiBins.LOGIT_LEVEL.binOf(Double.POSITIVE_INFINITY)).isEqualTo(13);
    }

    @Test
    void theLevelBinsAreOneLogitWideFromMinusSixToSix() {
        assertThat(PsiBins.LOGIT_LEVEL.count()).isEqualTo(14);
        assertThat(PsiBins.LOGIT_LEVEL.binOf(-0.5)).isEqualTo(6);
        assertThat(PsiBins.LOGIT_LEVEL.binOf(0.5)).isEqualTo(7);
    }

    @Test
    void theChangeBinsAreSymmetricWithUnchangedStepsInTheMiddle() {
        final double[] edges = PsiBins.LOGIT_CHANGE_5M.edges();

        assertThat(PsiBins.LOGIT_CHANGE_5M.count()).isEqualTo(15);
        for (int i = 0; i < edges.length; i++) {
            assertThat(edges[i]).isEqualTo(-edges[edges.length - 1 - i]);
        }
        assertThat(PsiBins.LOGIT_CHANGE_5M.binOf(0.0)).isEqualTo(7);
        assertThat(PsiBins.LOGIT_CHANGE_5M.binOf(0.0004)).isEqualTo(7);
        assertThat(PsiBins.LOGIT_CHANGE_5M.binOf(-0.0004)).isEqualTo(7);
    }

    @Test
    void edgesMustBeFiniteAndStrictlyIncreasing() {
        assertThatThrownBy(() -> new PsiBins(new double[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PsiBins(new double[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PsiBins(new double[] {0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PsiBins(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nanHasNoBin() {
        assertThatThrownBy(() -> PsiBins.LOGIT_LEVEL.binOf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBinsCannotBeChangedThroughTheirEdges() {
        PsiBins.LOGIT_LEVEL.edges()[0] = 100;

        assertThat(PsiBins.LOGIT_LEVEL.edges()[0]).isEqualTo(-6.0);
    }
}
