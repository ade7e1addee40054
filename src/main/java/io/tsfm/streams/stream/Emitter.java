package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastScoring;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.model.ModelClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What happens to a forecast once it is made, whoever made it (a gate, a model answer, a deadline): it is
 * kept for scoring, becomes the market's latest, is compared with the shadow's and forwarded; a baseline
 * answer also forwards its fallback event. A replay's warm-up keeps forecasts for scoring and publishes
 * nothing. Stream thread only.
 */
final class Emitter {
    private final ForecastSettings settings;
    private final ForecastFactory factory;
    private final ForecastScoring scoring;
    private final KeyValueStore<String, ForecastRecord> latest;
    private final StreamMeters metrics;
    private final ProcessorContext<String, Emission> context;
    private final CommittedCounts committed;
    private ShadowPath shadow;

    /**
     * The as_of of each market's latest forecast ("" for none), read from the store once per market: this
     * task is the only writer of its markets' entries, so the store need not be read, and a whole forecast
     * parsed, for every forecast. Rebuilt with the processor on every (re)initialisation of the task.
     */
    private final Map<String, String> latestAsOf = new HashMap<>();

    Emitter(
            final ForecastSettings settings,
            final ForecastFactory factory,
            final ForecastScoring scoring,
            final KeyValueStore<String, ForecastRecord> latest,
            final StreamMeters metrics,
            final ProcessorContext<String, Emission> context,
            final CommittedCounts committed) {
        this.settings = settings;
        this.factory = factory;
        this.scoring = scoring;
        this.latest = latest;
        this.metrics = metrics;
        this.context = context;
        this.committed = committed;
    }

    /** Served forecasts are compared with the shadow's from now on. */
    void comparedWith(final ShadowPath shadowPath) {
        this.shadow = shadowPath;
    }

    /** The baseline answers for {@code client}'s model, with a fallback event saying why. */
    void baseline(
            final String marketId,
            final MarketContext ctx,
            final String reason,
            final String detail,
            final ForecastFactory.Call call,
            final CalibrationSnapshot calibration,
            final ForecastFactory.RouteInfo route,
            final ModelClient client) {
        final String breakerState = client.breakerState();
        forecast(
                factory.baseline(marketId, ctx, reason, breakerState, call, calibration, route),
                ctx,
                calibration,
                null);
        if (!settings.publishes(ctx.asOfMs())) {
            return;
        }
        metrics.fallback(reason);
        forward(
                marketId,
                ctx.asOfMs(),
                Emission.of(factory.fallbackEvent(marketId, ctx, reason, detail, breakerState, client.modelName())));
    }

    /** Publishes a forecast and keeps it for scoring; {@code standbyBand} computed ahead or null (see ForecastScoring). */
    void forecast(
            final ForecastFactory.Made made,
            final MarketContext ctx,
            final CalibrationSnapshot calibration,
            final double[][] standbyBand) {
        final ForecastRecord forecast = made.record();
        scoring.keep(made, ctx, calibration, standbyBand);
        if (!settings.publishes(ctx.asOfMs())) {
            return; // a replay's warm-up: kept for scoring (the calibration), never published
        }
        final ForecastChecks.Stats stats = ForecastChecks.of(forecast);
        metrics.forecastEmitted(
                forecast.meta().runtime(), stats.lastStepWidth(), stats.crossingFixed() ? 1 : 0, stats.invalidSteps());
        committed.forecast(forecast.meta().runtime());
        metrics.routeSelected(forecast.meta().routeSelected(), forecast.meta().routeReason());
        if (shadow != null) {
            shadow.served(forecast, ctx.asOfMs());
        }
        final String previous = latestAsOf.computeIfAbsent(forecast.marketId(), this::storedAsOf);
        if (previous.compareTo(forecast.asOfTs()) < 0) {
            latest.put(forecast.marketId(), forecast);
            latestAsOf.put(forecast.marketId(), forecast.asOfTs());
        }
        forward(forecast.marketId(), ctx.asOfMs(), Emission.of(forecast));
    }

    private String storedAsOf(final String marketId) {
        final ForecastRecord stored = latest.get(marketId);
        return stored == null ? "" : stored.asOfTs();
    }

    /** A market the task no longer cycles: its entry in the store stays, its as_of leaves the heap. */
    void forget(final String marketId) {
        latestAsOf.remove(marketId);
    }

    /** Forwards one record downstream, stamped with the boundary it belongs to. */
    void forward(final String marketId, final long asOfMs, final Emission emission) {
        context.forward(new Record<>(marketId, emission, asOfMs));
    }
}
