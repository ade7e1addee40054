package io.tsfm.streams.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrometheusQueriesTest {

    @Test
    void withFiveMinuteWindowsAndNoStageTheQueriesAreTheDocumentedOnes() {
        assertThat(PrometheusQueries.ALL.stream().map(q -> PrometheusQueries.render(q, 5, Optional.empty())))
                .containsExactly(
                        "histogram_quantile(0.95, sum(rate(tsfm_request_duration_seconds_bucket{client!=\"shadow\"}[5m])) by (le)) * 1000",
                        "sum(rate(tsfm_request_total{client!=\"shadow\",status!=\"ok\"}[5m])) / sum(rate(tsfm_request_total{client!=\"shadow\"}[5m]))",
                        "sum(rate(tsfm_fallback_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))",
                        "sum(rate(tsfm_fallback_total{reason=\"circuit_breaker_open\"}[5m]))"
                                + " / sum(rate(tsfm_forecasts_total[5m]))",
                        "sum(rate(tsfm_invalid_output_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))");
    }

    @Test
    void aRolloutStageFilterIsAddedToEverySelector() {
        assertThat(PrometheusQueries.render(PrometheusQueries.ERROR_RATE, 5, Optional.of("canary_5")))
                .isEqualTo(
                        "sum(rate(tsfm_request_total{client!=\"shadow\",status!=\"ok\",rollout_stage=\"canary_5\"}[5m]))"
                                + " / sum(rate(tsfm_request_total{client!=\"shadow\",rollout_stage=\"canary_5\"}[5m]))");
        assertThat(PrometheusQueries.render(PrometheusQueries.P95_LATENCY_MS, 5, Optional.of("canary_5")))
                .isEqualTo(
                        "histogram_quantile(0.95, sum(rate(tsfm_request_duration_seconds_bucket{client!=\"shadow\",rollout_stage=\"canary_5\"}[5m]))"
                                + " by (le)) * 1000");
    }

    @Test
    void theRateRangeFollowsTheWindowLength() {
        assertThat(PrometheusQueries.render(PrometheusQueries.FALLBACK_RATE, 15, Optional.empty()))
                .isEqualTo("sum(rate(tsfm_fallback_total[15m])) / sum(rate(tsfm_forecasts_total[15m]))");
    }

    @Test
    void quotesAndBackslashesInTheStageAreEscapedAndPlaceholdersInItAreNotExpanded() {
        assertThat(PrometheusQueries.render(PrometheusQueries.INVALID_OUTPUT_RATE, 5, Optional.of("a\"b\\RANGE")))
                .isEqualTo("sum(rate(tsfm_invalid_output_total{rollout_stage=\"a\\\"b\\\\RANGE\"}[5m]))"
                        + " / sum(rate(tsfm_forecasts_total{rollout_stage=\"a\\\"b\\\\RANGE\"}[5m]))");
    }
}
