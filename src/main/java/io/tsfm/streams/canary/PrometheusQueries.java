package io.tsfm.streams.canary;

import java.util.List;
import java.util.Optional;

/**
 * The PromQL behind each window metric, one {@code query_range} call each with step = window length.
 * The templates hold two placeholders: {@code RANGE} is the rate range, equal to the window length
 * ({@code 5m} by default), and {@code SEL} is the optional {@code rollout_stage} matcher. Rendered for
 * 5-minute windows and no stage filter they are exactly:
 * <pre>
 * p95_latency_ms      histogram_quantile(0.95, sum(rate(tsfm_request_duration_seconds_bucket{client!="shadow"}[5m])) by (le)) * 1000
 * error_rate          sum(rate(tsfm_request_total{client!="shadow",status!="ok"}[5m])) / sum(rate(tsfm_request_total{client!="shadow"}[5m]))
 * fallback_rate       sum(rate(tsfm_fallback_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))
 * breaker_open_rate   sum(rate(tsfm_fallback_total{reason="circuit_breaker_open"}[5m])) / sum(rate(tsfm_forecasts_total[5m]))
 * invalid_output_rate sum(rate(tsfm_invalid_output_total[5m])) / sum(rate(tsfm_forecasts_total[5m]))
 * </pre>
 * With {@code --rollout-stage canary_5} every selector also gets {@code rollout_stage="canary_5"}. A rollout
 * candidate's shadow calls ({@code client="shadow"}) never count: they serve no one.
 */
public final class PrometheusQueries {

    public static final String P95_LATENCY_MS =
            "histogram_quantile(0.95, sum(rate(tsfm_request_duration_seconds_bucket{client!=\"shadow\",SEL}[RANGE])) by (le))"
                    + " * 1000";
    public static final String ERROR_RATE =
            "sum(rate(tsfm_request_total{client!=\"shadow\",status!=\"ok\",SEL}[RANGE]))"
                    + " / sum(rate(tsfm_request_total{client!=\"shadow\",SEL}[RANGE]))";
    public static final String FALLBACK_RATE =
            "sum(rate(tsfm_fallback_total{SEL}[RANGE])) / sum(rate(tsfm_forecasts_total{SEL}[RANGE]))";
    public static final String BREAKER_OPEN_RATE =
            "sum(rate(tsfm_fallback_total{reason=\"circuit_breaker_open\",SEL}[RANGE]))"
                    + " / sum(rate(tsfm_forecasts_total{SEL}[RANGE]))";
    public static final String INVALID_OUTPUT_RATE =
            "sum(rate(tsfm_invalid_output_total{SEL}[RANGE])) / sum(rate(tsfm_forecasts_total{SEL}[RANGE]))";

    /** In the order of {@link Window}'s components. */
    public static final List<String> ALL =
            List.of(P95_LATENCY_MS, ERROR_RATE, FALLBACK_RATE, BREAKER_OPEN_RATE, INVALID_OUTPUT_RATE);

    /** The label every tsfm metric carries; {@code --rollout-stage} filters on it. */
    public static final String ROLLOUT_STAGE_LABEL = "rollout_stage";

    private PrometheusQueries() {}

    /** Fills in the rate range ({@code <windowMinutes>m}) and the optional rollout_stage matcher. */
    public static String render(final String template, final int windowMinutes, final Optional<String> rolloutStage) {
        if (windowMinutes <= 0) {
            throw new IllegalArgumentException("windowMinutes must be > 0, got " + windowMinutes);
        }
        final String matcher = rolloutStage
                .map(stage -> ROLLOUT_STAGE_LABEL + "=\"" + escapeLabelValue(stage) + "\"")
                .orElse(null);
        // the range first: a single replace pass never rescans the inserted stage value
        final String withRange = template.replace("RANGE", windowMinutes + "m");
        return matcher == null
                ? withRange.replace(",SEL}", "}").replace("{SEL}", "")
                : withRange.replace("SEL", matcher);
    }

    /** PromQL string literal escaping for a label value inside double quotes. */
    static String escapeLabelValue(final String value) {
        final StringBuilder out = new StringBuilder(value.length() + 2);
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
