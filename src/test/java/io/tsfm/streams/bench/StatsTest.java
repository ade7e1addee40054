package io.tsfm.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Stats.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of(7.0))).isEqualTo(7.0);
        assertThat(Stats.median(new double[0])).isNaN();
    }

    @Test
    void nearestRankPercentiles() {
        final double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = 100 - i; // 1..100, unsorted
        }
        assertThat(Stats.percentile(v, 50)).isEqualTo(50.0);
        assertThat(Stats.percentile(v, 95)).isEqualTo(95.0);
        assertThat(Stats.percentile(v, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(v, 100)).isEqualTo(100.0);
        assertThat(Stats.percentile(new double[] {5, 1, 3}, 50)).isEqualTo(3.0);
        assertThat(Stats.percentile(new double[] {42}, 99)).isEqualTo(42.0);
        assertThat(Stats.percentile(new double[0], 50)).isNaN();
        assertThatThrownBy(() -> Stats.percentile(v, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianIndexPicksTheMedianRun() {
        assertThat(Stats.medianIndex(new double[] {30, 10, 20})).isEqualTo(2);
        assertThat(Stats.medianIndex(new double[] {5})).isZero();
        assertThat(Stats.medianIndex(new double[] {4, 1, 3, 2})).isEqualTo(3); // lower median: the value 2
    }
}
