package io.tsfm.streams.domain;

import java.util.List;

/**
 * How a forecast was made. {@code latency_ms}, {@code attempts} and {@code batch_size} are wall-clock
 * facts that may differ on replay; every other field is decided by event time and the model's answer.
 * {@code calibration} is null for forecasts made outside the stream (the on-demand API); {@code
 * rollout_stage} is the stage that routed the forecast.
 */
public record ForecastMeta(
        String runtime,
        String modelName,
        String modelVersion,
        String method,
        int inputLen,
        TransformMeta transform,
        List<String> warnings,
        boolean fallbackUsed,
        String fallbackReason,
        String circuitBreakerState,
        String routeSelected,
        String routeReason,
        Long latencyMs,
        Integer attempts,
        Integer batchSize,
        CalibrationMeta calibration,
        String rolloutStage) {

    /** The transform as the seed reports it: {"space": "logit", "eps": 1e-6}. */
    public record TransformMeta(String space, double eps) {}
}
