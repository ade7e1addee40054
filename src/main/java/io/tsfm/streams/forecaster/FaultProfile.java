package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;

/**
 * What goes wrong, and how often, on the forecast endpoints: latency, error statuses, hangs, broken
 * payloads, a deterministic "first N fail" counter and a wall-clock outage cycle. Lets demos and
 * tests exercise retries, timeouts, payload validation and the circuit breaker against real HTTP.
 * JSON (snake_case) is the body of {@code GET/PUT /admin/faults}; absent fields take their defaults.
 *
 * @param latencyMs           fixed delay added to every forecast response
 * @param latencyPerSeriesMs  extra delay per series in the request
 * @param latencyJitterMs     uniform extra delay in [0, N] ms
 * @param errorRate           probability in [0,1] of answering {@code errorStatus}
 * @param errorStatus         status of injected errors (0 means 503)
 * @param hangRate            probability in [0,1] of never answering (until the server closes)
 * @param garbageRate         probability in [0,1] of a broken 200 answer
 * @param garbageKind         how garbage answers are broken (null means nan)
 * @param failFirstN          the next N forecast requests fail with {@code errorStatus}
 * @param cycleDownMs         outage cycle: fail with {@code errorStatus} for this long (0 = no cycle) ...
 * @param cycleUpMs           ... then be healthy for this long, repeating from when the profile was set
 * @param quantileShift       added to every value (mean and quantiles) of a healthy answer, in the space of
 *                            the request's series (logit for the processor): valid answers that are worse,
 *                            the model degradation the operational report's regression test must find
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FaultProfile(
        long latencyMs,
        long latencyPerSeriesMs,
        long latencyJitterMs,
        double errorRate,
        int errorStatus,
        double hangRate,
        double garbageRate,
        GarbageKind garbageKind,
        int failFirstN,
        long cycleDownMs,
        long cycleUpMs,
        double quantileShift) {

    /** No faults at all. */
    public static final FaultProfile NONE = builder().build();

    /** The names {@link #preset(String)} understands. */
    public static final List<String> PRESETS = List.of("none", "slow", "flaky", "down", "hang", "garbage", "outage");

    public FaultProfile {
        if (errorStatus == 0) {
            errorStatus = 503;
        }
        if (garbageKind == null) {
            garbageKind = GarbageKind.NAN;
        }
        nonNegative("latency_ms", latencyMs);
        nonNegative("latency_per_series_ms", latencyPerSeriesMs);
        nonNegative("latency_jitter_ms", latencyJitterMs);
        nonNegative("fail_first_n", failFirstN);
        nonNegative("cycle_down_ms", cycleDownMs);
        nonNegative("cycle_up_ms", cycleUpMs);
        rate("error_rate", errorRate);
        rate("hang_rate", hangRate);
        rate("garbage_rate", garbageRate);
        if (!Double.isFinite(quantileShift)) {
            throw new IllegalArgumentException("quantile_shift must be finite: " + quantileShift);
        }
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("error_status must be an HTTP error status (400..599): " + errorStatus);
        }
    }

    /**
     * A named profile for the demo's {@code --fault} flag: none, slow (2 s latency), flaky (30 % 503),
     * down (every request 503), hang (never answers), garbage (half the answers carry NaN), outage
     * (503 for 3 minutes, healthy for 3 minutes, repeating).
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static FaultProfile preset(final String name) {
        final String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "none" -> NONE;
            case "slow" -> builder().latencyMs(2000).build();
            case "flaky" -> builder().errorRate(0.3).errorStatus(503).build();
            case "down" -> builder().errorRate(1.0).errorStatus(503).build();
            case "hang" -> builder().hangRate(1.0).build();
            case "garbage" ->
                builder().garbageRate(0.5).garbageKind(GarbageKind.NAN).build();
            case "outage" ->
                builder()
                        .errorStatus(503)
                        .cycleDownMs(180_000)
                        .cycleUpMs(180_000)
                        .build();
            default ->
                throw new IllegalArgumentException(
                        "unknown fault preset '" + name + "'; valid: " + String.join(", ", PRESETS));
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this profile. */
    public Builder toBuilder() {
        return new Builder()
                .latencyMs(latencyMs)
                .latencyPerSeriesMs(latencyPerSeriesMs)
                .latencyJitterMs(latencyJitterMs)
                .errorRate(errorRate)
                .errorStatus(errorStatus)
                .hangRate(hangRate)
                .garbageRate(garbageRate)
                .garbageKind(garbageKind)
                .failFirstN(failFirstN)
                .cycleDownMs(cycleDownMs)
                .cycleUpMs(cycleUpMs)
                .quantileShift(quantileShift);
    }

    /** Only the fields that differ from "no fault", e.g. {@code FaultProfile[error_rate=0.3, error_status=503]}. */
    @Override
    public String toString() {
        final StringBuilder sb = new StringBuilder("FaultProfile[");
        append(sb, "latency_ms", latencyMs, latencyMs != 0);
        append(sb, "latency_per_series_ms", latencyPerSeriesMs, latencyPerSeriesMs != 0);
        append(sb, "latency_jitter_ms", latencyJitterMs, latencyJitterMs != 0);
        append(sb, "error_rate", errorRate, errorRate != 0);
        append(sb, "hang_rate", hangRate, hangRate != 0);
        append(sb, "garbage_rate", garbageRate, garbageRate != 0);
        append(sb, "garbage_kind", garbageKind.wireName(), garbageRate != 0);
        append(sb, "fail_first_n", failFirstN, failFirstN != 0);
        append(sb, "cycle_down_ms", cycleDownMs, cycleDownMs != 0);
        append(sb, "cycle_up_ms", cycleUpMs, cycleDownMs != 0);
        append(sb, "quantile_shift", quantileShift, quantileShift != 0);
        append(sb, "error_status", errorStatus, errorRate != 0 || failFirstN != 0 || cycleDownMs != 0);
        return sb.length() == "FaultProfile[".length()
                ? "FaultProfile[none]"
                : sb.append(']').toString();
    }

    private static void append(final StringBuilder sb, final String name, final Object value, final boolean show) {
        if (show) {
            if (sb.charAt(sb.length() - 1) != '[') {
                sb.append(", ");
            }
            sb.append(name).append('=').append(value);
        }
    }

    private static void nonNegative(final String field, final long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
    }

    private static void rate(final String field, final double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in [0, 1]: " + value);
        }
    }

    /** Fluent construction; unset fields are "no fault". */
    public static final class Builder {
        private long latencyMs;
        private long latencyPerSeriesMs;
        private long latencyJitterMs;
        private double errorRate;
        private int errorStatus = 503;
        private double hangRate;
        private double garbageRate;
        private GarbageKind garbageKind = GarbageKind.NAN;
        private int failFirstN;
        private long cycleDownMs;
        private long cycleUpMs;
        private double quantileShift;

        private Builder() {}

        public Builder latencyMs(final long v) {
            latencyMs = v;
            return this;
        }

        public Builder latencyPerSeriesMs(final long v) {
            latencyPerSeriesMs = v;
            return this;
        }

        public Builder latencyJitterMs(final long v) {
            latencyJitterMs = v;
            return this;
        }

        public Builder errorRate(final double v) {
            errorRate = v;
            return this;
        }

        public Builder errorStatus(final int v) {
            errorStatus = v;
            return this;
        }

        public Builder hangRate(final double v) {
            hangRate = v;
            return this;
        }

        public Builder garbageRate(final double v) {
            garbageRate = v;
            return this;
        }

        public Builder garbageKind(final GarbageKind v) {
            garbageKind = v;
            return this;
        }

        public Builder failFirstN(final int v) {
            failFirstN = v;
            return this;
        }

        public Builder cycleDownMs(final long v) {
            cycleDownMs = v;
            return this;
        }

        public Builder cycleUpMs(final long v) {
            cycleUpMs = v;
            return this;
        }

        public Builder quantileShift(final double v) {
            quantileShift = v;
            return this;
        }

        public FaultProfile build() {
            return new FaultProfile(
                    latencyMs,
                    latencyPerSeriesMs,
                    latencyJitterMs,
                    errorRate,
                    errorStatus,
                    hangRate,
                    garbageRate,
                    garbageKind,
                    failFirstN,
                    cycleDownMs,
                    cycleUpMs,
                    quantileShift);
        }
    }
}
