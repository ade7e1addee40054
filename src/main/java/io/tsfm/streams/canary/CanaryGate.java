package io.tsfm.streams.canary;

import io.tsfm.streams.rollout.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canary gate of the seed runbook (its canary runbook and {@code scripts/evaluate_tsfm_canary_gate.py}), with
 * the same thresholds, the same strict comparisons ({@code >}), the same run rules and the same reason
 * strings. Pure: no I/O, no clock.
 *
 * <p>Rollback (any): p95 over 400 ms in 2 consecutive windows; error_rate over 0.02 in any window;
 * invalid_output_rate over 0 in any window; fallback_rate over 0.20, and breaker_open_rate over 0.30, for
 * a run of consecutive windows whose length times the window length is at least 15 minutes.
 * Gate fail (any): max p95 over 300 ms; max error_rate over 0.01; max invalid_output_rate over 0; max
 * fallback_rate over the stage's limit (0.08 canary_5, 0.10 canary_25 and full_100).
 */
public final class CanaryGate {

    public static final double ROLLBACK_P95_MS = 400.0;
    public static final int ROLLBACK_P95_CONSECUTIVE_WINDOWS = 2;
    public static final double ROLLBACK_ERROR_RATE = 0.02;
    public static final double ROLLBACK_INVALID_OUTPUT_RATE = 0.0;
    public static final double ROLLBACK_FALLBACK_RATE = 0.20;
    public static final double ROLLBACK_BREAKER_OPEN_RATE = 0.30;
    /** fallback and breaker rules: a run of windows counts once runLength * windowMinutes >= this. */
    public static final int ROLLBACK_SUSTAINED_MINUTES = 15;

    public static final double GATE_P95_MS = 300.0;
    public static final double GATE_ERROR_RATE = 0.01;
    public static final double GATE_INVALID_OUTPUT_RATE = 0.0;

    public static final String P95_ROLLBACK = "p95>400ms_for_2x5m";
    public static final String ERROR_RATE_ROLLBACK = "error_rate>2pct_any_5m";
    public static final String INVALID_OUTPUT_ROLLBACK = "invalid_output_rate>0";
    public static final String FALLBACK_ROLLBACK = "fallback_rate>20pct_for_15m";
    public static final String BREAKER_OPEN_ROLLBACK = "breaker_open_rate>30pct_for_15m";

    public static final String P95_GATE = "gate:p95>300ms";
    public static final String ERROR_RATE_GATE = "gate:error_rate>1pct";
    public static final String INVALID_OUTPUT_GATE = "gate:invalid_output_rate_nonzero";

    /** Whether the stage's clean duration (30 min, 60 min, 24 h) is checked against the input's span. */
    public enum CleanDuration {
        /** The seed evaluator's behaviour: the operator observes the stage for its duration; the gate does not check. */
        NOT_CHECKED,
        /** Also fail the gate when windows * windowMinutes is shorter than the stage's clean duration. */
        REQUIRED
    }

    private CanaryGate() {}

    /** The seed evaluator's verdict; the stage's clean duration is not checked (as in the seed). */
    public static GateResult evaluate(final List<Window> windows, final int windowMinutes, final Stage stage) {
        return evaluate(windows, windowMinutes, stage, CleanDuration.NOT_CHECKED);
    }

    public static GateResult evaluate(
            final List<Window> windows, final int windowMinutes, final Stage stage, final CleanDuration cleanDuration) {
        if (windows == null || windows.isEmpty()) {
            throw new IllegalArgumentException("empty metric windows");
        }
        if (windowMinutes <= 0) {
            throw new IllegalArgumentException("window_minutes must be > 0, got " + windowMinutes);
        }
        if (stage == null || cleanDuration == null) {
            throw new IllegalArgumentException("stage and clean-duration policy are required");
        }

        final List<String> rollback = new ArrayList<>();
        if (longestRunOver(windows, Metric.P95, ROLLBACK_P95_MS) >= ROLLBACK_P95_CONSECUTIVE_WINDOWS) {
            rollback.add(P95_ROLLBACK);
        }
        if (max(windows, Metric.ERROR) > ROLLBACK_ERROR_RATE) {
            rollback.add(ERROR_RATE_ROLLBACK);
        }
        if (max(windows, Metric.INVALID) > ROLLBACK_INVALID_OUTPUT_RATE) {
            rollback.add(INVALID_OUTPUT_ROLLBACK);
        }
        if ((long) longestRunOver(windows, Metric.FALLBACK, ROLLBACK_FALLBACK_RATE) * windowMinutes
                >= ROLLBACK_SUSTAINED_MINUTES) {
            rollback.add(FALLBACK_ROLLBACK);
        }
        if ((long) longestRunOver(windows, Metric.BREAKER, ROLLBACK_BREAKER_OPEN_RATE) * windowMinutes
                >= ROLLBACK_SUSTAINED_MINUTES) {
            rollback.add(BREAKER_OPEN_ROLLBACK);
        }

        final List<String> gateFail = new ArrayList<>();
        if (max(windows, Metric.P95) > GATE_P95_MS) {
            gateFail.add(P95_GATE);
        }
        if (max(windows, Metric.ERROR) > GATE_ERROR_RATE) {
            gateFail.add(ERROR_RATE_GATE);
        }
        if (max(windows, Metric.INVALID) > GATE_INVALID_OUTPUT_RATE) {
            gateFail.add(INVALID_OUTPUT_GATE);
        }
        if (max(windows, Metric.FALLBACK) > stage.fallbackGateLimit()) {
            gateFail.add(stage.fallbackGateReason());
        }
        if (cleanDuration == CleanDuration.REQUIRED) {
            final long observedMinutes = (long) windows.size() * windowMinutes;
            final long requiredMinutes = stage.cleanDuration().toMinutes();
            if (observedMinutes < requiredMinutes) {
                gateFail.add(cleanDurationReason(observedMinutes, stage));
            }
        }

        final boolean rollbackTriggered = !rollback.isEmpty();
        final boolean gatePassed = !rollbackTriggered && gateFail.isEmpty();
        return new GateResult(stage, windows.size(), windowMinutes, gatePassed, rollbackTriggered, rollback, gateFail);
    }

    /** {@code gate:observed_30m<required_60m_for_canary_25}: only with {@link CleanDuration#REQUIRED}. */
    public static String cleanDurationReason(final long observedMinutes, final Stage stage) {
        return String.format(
                Locale.ROOT,
                "gate:observed_%dm<required_%dm_for_%s",
                observedMinutes,
                stage.cleanDuration().toMinutes(),
                stage.id());
    }

    /** The longest run of consecutive windows whose value is strictly above the threshold. */
    static int longestRunOver(final List<Window> windows, final Metric metric, final double threshold) {
        int best = 0;
        int current = 0;
        for (final Window window : windows) {
            if (metric.of(window) > threshold) {
                current++;
                best = Math.max(best, current);
            } else {
                current = 0;
            }
        }
        return best;
    }

    private static double max(final List<Window> windows, final Metric metric) {
        double max = Double.NEGATIVE_INFINITY;
        for (final Window window : windows) {
            max = Math.max(max, metric.of(window));
        }
        return max;
    }

    enum Metric {
        P95,
        ERROR,
        FALLBACK,
        BREAKER,
        INVALID;

        double of(final Window w) {
            return switch (this) {
                case P95 -> w.p95LatencyMs();
                case ERROR -> w.errorRate();
                case FALLBACK -> w.fallbackRate();
                case BREAKER -> w.breakerOpenRate();
                case INVALID -> w.invalidOutputRate();
            };
        }
    }
}
