package io.tsfm.streams.config;

import static io.tsfm.streams.config.ConfigKeys.*;

import io.tsfm.streams.baseline.BaselineForecaster;
import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.OnlineCalibrator;
import io.tsfm.streams.domain.Transform;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * How forecasts are made and checked (grid, gates, transform, baseline, band limits, input drift,
 * calibration): part of {@link AppConfigDefinition}.
 */
@SuppressWarnings("BadImport") // Type, Importance, Range: ConfigDef's own idiom, read beside define()
final class ForecastingDefinition {
    private ForecastingDefinition() {}

    /** Defines them on {@code def}, in the order the configuration docs list them. */
    static ConfigDef define(final ConfigDef def) {
        return def.define(
                        FREQ,
                        Type.STRING,
                        "5m",
                        new FreqValidator(),
                        Importance.HIGH,
                        "Grid step: <n>m or <n>h. Part of the state's compatibility contract.")
                .define(
                        INPUT_LEN_STEPS,
                        Type.INT,
                        288,
                        Range.between(2, 20_000),
                        Importance.HIGH,
                        "Context length in steps (288 x 5 min = 24 h).")
                .define(
                        HORIZON_STEPS,
                        Type.INT,
                        12,
                        Range.between(1, 1000),
                        Importance.HIGH,
                        "Forecast horizon in steps.")
                .define(
                        QUANTILES,
                        Type.LIST,
                        "0.1,0.5,0.9",
                        new QuantilesValidator(),
                        Importance.HIGH,
                        "Quantile levels, strictly ascending in (0,1).")
                .define(
                        MIN_POINTS_FOR_TSFM,
                        Type.INT,
                        32,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "Contexts shorter than this get the baseline (too_few_points).")
                .define(
                        MAX_GAP_MINUTES,
                        Type.INT,
                        60,
                        Range.atLeast(1),
                        Importance.MEDIUM,
                        "A gap between ticks longer than this, in the context or since the last tick, gets the "
                                + "baseline (max_gap_exceeded).")
                .define(
                        BASELINE_ONLY_LIQUIDITY_BUCKET,
                        Type.LIST,
                        "low",
                        Importance.MEDIUM,
                        "Liquidity buckets always served by the baseline (comma-separated; empty for none).")
                .define(
                        TRANSFORM,
                        Type.STRING,
                        "logit",
                        ConfigDef.ValidString.in("logit", "none"),
                        Importance.MEDIUM,
                        "Model space: logit of the clipped probability, or none.")
                .define(
                        TRANSFORM_EPS,
                        Type.DOUBLE,
                        Transform.DEFAULT_EPS,
                        Range.between(1e-12, 0.49),
                        Importance.LOW,
                        "Clip epsilon of the logit transform.")
                .define(
                        BASELINE_METHOD,
                        Type.STRING,
                        BaselineForecaster.EMPIRICAL_MOVES,
                        ConfigDef.ValidString.in(BaselineForecaster.EMPIRICAL_MOVES, BaselineForecaster.SEED_EWMA),
                        Importance.MEDIUM,
                        "The fallback forecaster: empirical_moves (the last value as median, "
                                + "the market's own moves as band; docs/forecaster.md) or seed_ewma (the seed's "
                                + "EWMA, for parity).")
                .define(
                        EWMA_ALPHA,
                        Type.DOUBLE,
                        0.2,
                        Range.between(0.001, 1.0),
                        Importance.LOW,
                        "Smoothing factor of the seed_ewma baseline.")
                .define(
                        INTERVAL_MIN_WIDTH,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Narrowest allowed q_low..q_high band, centred on the median, applied after calibration. "
                                + "0: none (the calibrated band is served). The seed's is 0.02 (seed "
                                + "compatibility; it keeps bands far wider than real markets move).")
                .define(
                        INTERVAL_MAX_WIDTH,
                        Type.DOUBLE,
                        1.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "Widest allowed q_low..q_high band, centred on the median, applied after calibration. "
                                + "1: none. The seed's is 0.60 (seed compatibility).")
                .define(
                        DRIFT_WINDOW_HOURS,
                        Type.INT,
                        24,
                        Range.between(1, 24 * 90),
                        Importance.LOW,
                        "Input drift (PSI): the rolling event-time window compared with the reference, in hours.")
                .define(
                        DRIFT_REFERENCE_HOURS,
                        Type.INT,
                        168,
                        Range.between(1, 24 * 365),
                        Importance.LOW,
                        "Input drift (PSI): the reference is the first this many hours of event time the task saw.")
                .define(
                        DRIFT_MIN_OBSERVATIONS,
                        Type.INT,
                        500,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Input drift (PSI): observations the reference and the window each need before a PSI is "
                                + "reported (NaN until then).")
                .define(
                        CALIBRATION_ENABLED,
                        Type.BOOLEAN,
                        true,
                        Importance.MEDIUM,
                        "Rescale served bands with the online calibrator of their segment (docs/calibration.md). "
                                + "Forecasts are scored either way.")
                .define(
                        CALIBRATION_TARGET,
                        Type.DOUBLE,
                        0.8,
                        Range.between(0.5, 0.99),
                        Importance.MEDIUM,
                        "Share of realised values the lowest..highest quantile band should cover.")
                .define(
                        CALIBRATION_METHOD,
                        Type.STRING,
                        OnlineCalibrator.QUANTILE_TRACKING,
                        ConfigDef.ValidString.in(OnlineCalibrator.QUANTILE_TRACKING, OnlineCalibrator.ROLLING_QUANTILE),
                        Importance.LOW,
                        "Update rule: quantile_tracking (adaptive conformal, learning rate) or "
                                + "rolling_quantile (conformal quantile of the last window errors).")
                .define(
                        CALIBRATION_ERROR_UNIT,
                        Type.STRING,
                        BandScaler.UNIT_TICK,
                        ConfigDef.ValidString.in(BandScaler.UNIT_TICK, BandScaler.UNIT_BAND),
                        Importance.LOW,
                        "What a calibrator measures errors in and scales: tick (distance from the median in the "
                                + "market's price ticks; markets of one tick size learn together, the model's band "
                                + "keeps only its shape, flat or banded) or band (distance over the model's band on "
                                + "that side, floored at one tick). Prices on no tick grid are calibrated by band.")
                .define(
                        CALIBRATION_LEARNING_RATE,
                        Type.DOUBLE,
                        0.01,
                        Range.between(1e-6, 1.0),
                        Importance.LOW,
                        "quantile_tracking: step of the log scale per scored step.")
                .define(
                        CALIBRATION_LEARNING_RATE_DECAY_SAMPLES,
                        Type.INT,
                        8000,
                        Range.atLeast(0),
                        Importance.LOW,
                        "quantile_tracking: a calibrator's step starts larger and falls as one over the "
                                + "square root of its scored steps to calibration.learning.rate at this many "
                                + "(a new or thin cell finds its scale in tens of steps, a seasoned one stays "
                                + "steady); 0 keeps the step constant.")
                .define(
                        CALIBRATION_WINDOW,
                        Type.INT,
                        500,
                        Range.between(10, 100_000),
                        Importance.LOW,
                        "rolling_quantile: scored steps kept per segment.")
                .define(
                        CALIBRATION_MIN_SAMPLES,
                        Type.INT,
                        50,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Scored steps a segment needs before its calibration is served; until then the "
                                + "uncalibrated band is served and meta says so.")
                .define(
                        CALIBRATION_FLAT_LOOKBACK_STEPS,
                        Type.INT,
                        24,
                        Range.atLeast(1),
                        Importance.LOW,
                        "Steps looked back to call a market quiet or moving (its calibration segment): quiet when "
                                + "none of them moved.")
                .define(
                        CALIBRATION_FLAT_THRESHOLD,
                        Type.DOUBLE,
                        0.0,
                        Range.between(0.0, 1.0),
                        Importance.LOW,
                        "A step moved when its value differs from the step before by more than this.")
                .define(
                        CALIBRATION_ACTIVITY_CLASSES,
                        Type.LIST,
                        "1,3,6",
                        Importance.LOW,
                        "Moving markets are calibrated apart by how many steps of the look-back moved: ascending "
                                + "lower bounds of the classes (1,3,6: 1-2, 3-5, 6 or more); empty for one class.")
                .define(
                        CALIBRATION_DIRECTION_SPLIT,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Moving markets are calibrated apart by the sign of their last move (after a rise real "
                                + "markets often fall back, so the band's two sides differ).")
                .define(
                        CALIBRATION_BASELINE_STANDBY,
                        Type.BOOLEAN,
                        true,
                        Importance.LOW,
                        "Ask the baseline beside every model forecast and score its band too (never served), so "
                                + "its calibrators are warm when the model goes down or a gate sends a market to it; "
                                + "costs one baseline forecast per model forecast.");
    }
}
