package io.tsfm.streams.cycle;

import io.tsfm.streams.baseline.BaselineForecaster;
import io.tsfm.streams.calibrate.BandCalibration;
import io.tsfm.streams.calibrate.BandScaler;
import io.tsfm.streams.calibrate.QuantileSanitizer;
import io.tsfm.streams.calibrate.SanitizedForecast;
import io.tsfm.streams.calibrate.TickSize;
import io.tsfm.streams.domain.CalibrationMeta;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastMeta;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.RouteReasons;
import io.tsfm.streams.domain.Transform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model answer or a fallback decision into the published records: back-transform, calibrate,
 * post-process (clip, crossing fix, optional width bounds) and fill the meta. Pure: no Kafka, no clock.
 */
public final class ForecastFactory {
    public static final String RUNTIME_MODEL = "tollama";
    public static final String RUNTIME_BASELINE = "baseline";

    private final ForecastSettings settings;
    private final QuantileSanitizer sanitizer;
    private final ForecastMeta.TransformMeta transformMeta;
    private final BaselineForecaster baseline;
    private final BandCalibration bandCalibration;

    public ForecastFactory(final ForecastSettings settings) {
        this.settings = settings;
        this.sanitizer = new QuantileSanitizer(settings.minWidth(), settings.maxWidth());
        this.transformMeta = new ForecastMeta.TransformMeta(
                settings.transform().spaceName(), settings.transform().eps());
        this.baseline = BaselineForecaster.of(
                settings.baselineMethod(), settings.ewmaAlpha(), settings.inputLen(), settings.transform());
        this.bandCalibration = new BandCalibration(new BandScaler(
                settings.transform(), settings.levels(), settings.calibration().tickUnits()));
    }

    /** The model name of the configured baseline ({@code baseline.method}): its forecasts' and calibrators'. */
    public String baselineModelName() {
        return baseline.modelName();
    }

    /**
     * A served forecast, its served paths, the band it started from (probability space, before calibration
     * and post-processing) and the market's price tick: what scoring needs later.
     */
    public record Made(ForecastRecord record, QuantilePaths served, QuantilePaths base, double tick, boolean[] flat) {}

    /**
     * How a forecast was routed, for its meta: route_selected ("tsfm" or "baseline"), route_reason, and the
     * rollout stage (null outside the stream).
     */
    public record RouteInfo(String selected, String reason, String stage) {
        /** The model path with no rollout decision behind it (offline evaluation, on-demand API). */
        public static final RouteInfo DEFAULT = new RouteInfo(RouteReasons.SELECTED_TSFM, RouteReasons.DEFAULT, null);
    }

    /** A model forecast without calibration (offline evaluation); see the overload. */
    public ForecastRecord fromModel(
            final String marketId,
            final MarketContext context,
            final QuantilePaths modelSpace,
            final String modelName,
            final String breakerState,
            final Call call) {
        return fromModel(marketId, context, modelSpace, modelName, breakerState, call, null, RouteInfo.DEFAULT)
                .record();
    }

    /**
     * A model forecast: {@code modelSpace} paths are mapped back to probabilities, calibrated by {@code
     * calibration} (null: not at all, and no calibration meta), then post-processed.
     */
    public Made fromModel(
            final String marketId,
            final MarketContext context,
            final QuantilePaths modelSpace,
            final String modelName,
            final String breakerState,
            final Call call,
            final CalibrationSnapshot calibration,
            final RouteInfo route) {
        final Transform t = settings.transform();
        final double[][] p = modelSpace.toArray();
        for (final double[] path : p) {
            for (int k = 0; k < path.length; k++) {
                path[k] = t.inverse(path[k]);
            }
        }
        final QuantilePaths base = new QuantilePaths(modelSpace.levels(), p);
        final double tick = TickSize.of(context.values());
        final SanitizedForecast s = sanitizer.sanitize(calibrated(base, calibration, tick));
        final boolean[] flat = bandCalibration.flatSteps(base);
        final ForecastMeta meta = new ForecastMeta(
                RUNTIME_MODEL,
                modelName,
                settings.modelVersion(),
                null,
                context.length(),
                transformMeta,
                s.warnings(),
                false,
                null,
                breakerState,
                route.selected(),
                route.reason(),
                call.latencyMs(),
                call.attempts(),
                call.batchSize(),
                meta(calibration, flat),
                route.stage());
        return new Made(record(marketId, context.asOfMs(), s.paths(), meta), s.paths(), base, tick, flat);
    }

    private QuantilePaths calibrated(
            final QuantilePaths base, final CalibrationSnapshot calibration, final double tick) {
        return calibration == null ? base : bandCalibration.apply(base, calibration, tick);
    }

    private CalibrationMeta meta(final CalibrationSnapshot calibration, final boolean[] flat) {
        return calibration == null
                ? null
                : CalibrationMeta.of(calibration, settings.calibration().enabled(), flat);
    }

    /**
     * A baseline forecast for a fallback.
     *
     * @param gated true when a gate chose the baseline before any call (route_selected = baseline)
     */
    public ForecastRecord baseline(
            final String marketId,
            final MarketContext context,
            final String reason,
            final boolean gated,
            final String breakerState,
            final Call call) {
        return baseline(
                        marketId,
                        context,
                        reason,
                        breakerState,
                        call,
                        null,
                        gated ? new RouteInfo(RouteReasons.SELECTED_BASELINE, reason, null) : RouteInfo.DEFAULT)
                .record();
    }

    /**
     * A baseline forecast for a fallback, calibrated by {@code calibration} (null: not at all); {@code route}
     * says whether a gate chose the baseline before any call (route_selected baseline) or the model path
     * fell back (route_selected tsfm).
     */
    public Made baseline(
            final String marketId,
            final MarketContext context,
            final String reason,
            final String breakerState,
            final Call call,
            final CalibrationSnapshot calibration,
            final RouteInfo route) {
        final QuantilePaths raw = baseline.forecast(context.values(), settings.levels(), settings.horizon());
        final double tick = TickSize.of(context.values());
        final SanitizedForecast s = sanitizer.sanitize(calibrated(raw, calibration, tick));
        final boolean[] flat = bandCalibration.flatSteps(raw);
        final List<String> warnings = new ArrayList<>();
        warnings.add("fallback_reason=" + reason);
        warnings.addAll(s.warnings());
        final ForecastMeta meta = new ForecastMeta(
                RUNTIME_BASELINE,
                baseline.modelName(),
                baseline.modelVersion(),
                baseline.method(),
                context.length(),
                transformMeta,
                warnings,
                true,
                reason,
                breakerState,
                route.selected(),
                route.reason(),
                call == null ? null : call.latencyMs(),
                call == null ? null : call.attempts(),
                call == null ? null : call.batchSize(),
                meta(calibration, flat),
                route.stage());
        return new Made(record(marketId, context.asOfMs(), s.paths(), meta), s.paths(), raw, tick, flat);
    }

    public FallbackEvent fallbackEvent(
            final String marketId,
            final MarketContext context,
            final String reason,
            final String detail,
            final String breakerState,
            final String modelName) {
        return new FallbackEvent(
                FallbackEvent.SCHEMA_VERSION,
                marketId,
                Instant.ofEpochMilli(context.asOfMs()).toString(),
                reason,
                detail,
                breakerState,
                modelName,
                context.length());
    }

    private ForecastRecord record(
            final String marketId, final long asOfMs, final QuantilePaths paths, final ForecastMeta meta) {
        return new ForecastRecord(
                ForecastRecord.SCHEMA_VERSION,
                marketId,
                Instant.ofEpochMilli(asOfMs).toString(),
                settings.freq(),
                settings.horizon(),
                settings.levels(),
                paths.byKey(),
                meta);
    }

    /** Wall-clock facts of the model call behind a forecast (null fields when there was no call). */
    public record Call(Long latencyMs, Integer attempts, Integer batchSize) {}
}
