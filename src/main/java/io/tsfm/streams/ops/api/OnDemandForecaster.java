package io.tsfm.streams.ops.api;

import io.tsfm.streams.cycle.FallbackGates;
import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.FallbackReasons;
import io.tsfm.streams.domain.ForecastMeta;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.GateDecision;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.QuantileKeys;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.SeriesOutcome;
import io.tsfm.streams.stream.ForecastChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * One on-demand forecast through the streaming product's path: a {@link MarketContext} from the request,
 * the {@link FallbackGates} in the seed's order, the app's {@link ModelClient} with the job deadline, and
 * {@link ForecastFactory} for the answer, so the response is the forecasts topic's record. Runs on an
 * HTTP worker thread (it waits for the model), never on a stream thread.
 *
 * <p>What the request can change and what it cannot:
 * <ul>
 *   <li>{@code transform} replaces the configured transform for this forecast (model input and baseline);</li>
 *   <li>{@code horizon_steps} and {@code quantiles} are served when the instance's model contract covers
 *       them (a horizon up to {@code horizon.steps}, levels among {@code quantiles}: the model is asked for
 *       the configured ones and the answer is cut down); otherwise the configured ones are served and a
 *       warning {@code horizon_steps_not_served=<n>} / {@code quantiles_not_served=<levels>} says so;</li>
 *   <li>a {@code freq} other than the configured one cannot be sent to the model (the client's grid is
 *       fixed): the baseline answers with reason {@code route_policy_baseline};</li>
 *   <li>{@code model.model_name} other than the served model gets warning {@code model_name_not_served=<name>};
 *       {@code x_past}/{@code x_future} get warning {@code covariates_ignored}.</li>
 * </ul>
 * When every in-flight slot of the client is taken, the call waits for one (trying again every
 * {@code drain.interval.ms}, as the stream's jobs do) until the deadline, then answers the baseline with
 * {@code deadline_exceeded}, as a stream job would.
 */
public final class OnDemandForecaster {
    public static final String WARNING_COVARIATES_IGNORED = "covariates_ignored";
    public static final String WARNING_HORIZON_NOT_SERVED = "horizon_steps_not_served=";
    public static final String WARNING_QUANTILES_NOT_SERVED = "quantiles_not_served=";
    public static final String WARNING_MODEL_NOT_SERVED = "model_name_not_served=";

    /** Waits between attempts to get an in-flight slot; replaced in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final ForecastSettings settings;
    private final ModelClient client;
    private final TsfmMetrics metrics;
    private final FallbackGates gates;
    private final LongSupplier nanoClock;
    private final Pause pause;

    public OnDemandForecaster(final ForecastSettings settings, final ModelClient client, final TsfmMetrics metrics) {
        this(settings, client, metrics, System::nanoTime, Thread::sleep);
    }

    OnDemandForecaster(
            final ForecastSettings settings,
            final ModelClient client,
            final TsfmMetrics metrics,
            final LongSupplier nanoClock,
            final Pause pause) {
        this.settings = settings;
        this.client = client;
        this.metrics = metrics;
        this.gates = new FallbackGates(settings.minPoints(), settings.baselineOnlyBuckets(), settings.maxGapMs());
        this.nanoClock = nanoClock;
        this.pause = pause;
    }

    /** The forecast for a validated request; records the same metrics as a published forecast. */
    public ForecastRecord forecast(final OnDemandRequest request) {
        final List<String> warnings = new ArrayList<>();
        final ForecastSettings served = servedSettings(request, warnings);
        if (request.modelName() != null && !request.modelName().equals(client.modelName())) {
            warnings.add(WARNING_MODEL_NOT_SERVED + request.modelName());
        }
        if (request.covariatesGiven()) {
            warnings.add(WARNING_COVARIATES_IGNORED);
        }
        final ForecastFactory factory = new ForecastFactory(served);
        final MarketContext context = context(request);
        final GateDecision decision = gates.evaluate(context, client.availability());
        final ForecastRecord record;
        if (decision.baseline() && !FallbackReasons.isModelGate(decision.reason())) {
            record = baseline(factory, request, context, decision.reason(), true, null);
        } else if (request.stepMs() != settings.step().toMillis()) {
            // the route policy comes before the breaker in the seed's order
            record = baseline(factory, request, context, FallbackReasons.ROUTE_POLICY_BASELINE, true, null);
        } else if (decision.baseline()) {
            record = baseline(factory, request, context, decision.reason(), true, null);
        } else {
            record = callModel(factory, served, request, context);
        }
        final ForecastRecord answer = warnings.isEmpty() ? record : withWarnings(record, warnings);
        final ForecastChecks.Stats stats = ForecastChecks.of(answer);
        metrics.forecastEmitted(
                answer.meta().runtime(), stats.lastStepWidth(), stats.crossingFixed() ? 1 : 0, stats.invalidSteps());
        return answer;
    }

    /** The configured settings with the request's transform, freq, and the horizon and levels it will get. */
    private ForecastSettings servedSettings(final OnDemandRequest r, final List<String> warnings) {
        int horizon = settings.horizon();
        if (r.horizonSteps() != null) {
            if (r.horizonSteps() <= settings.horizon()) {
                horizon = r.horizonSteps();
            } else {
                warnings.add(WARNING_HORIZON_NOT_SERVED + r.horizonSteps());
            }
        }
        double[] levels = settings.levels();
        if (r.quantiles() != null) {
            if (subsetOfConfigured(r.quantiles())) {
                levels = r.quantiles().clone();
            } else {
                final StringJoiner asked = new StringJoiner(",");
                Arrays.stream(r.quantiles()).forEach(q -> asked.add(QuantileKeys.key(q)));
                warnings.add(WARNING_QUANTILES_NOT_SERVED + asked);
            }
        }
        final Transform base = settings.transform();
        final Transform transform = new Transform(
                r.transformSpace() == null
                        ? base.space()
                        : Transform.Space.valueOf(r.transformSpace().toUpperCase(Locale.ROOT)),
                r.transformEps() == null ? base.eps() : r.transformEps());
        return settings.reshaped(Duration.ofMillis(r.stepMs()), r.freq(), horizon, levels, transform);
    }

    private boolean subsetOfConfigured(final double[] asked) {
        final List<String> configured =
                Arrays.stream(settings.levels()).mapToObj(QuantileKeys::key).toList();
        return Arrays.stream(asked).mapToObj(QuantileKeys::key).allMatch(configured::contains);
    }

    /**
     * The last min(len(y), input.len.steps) values ending at as_of; the last observation at the last y_ts
     * (or as_of); the widest y_ts spacing inside the context (one step without y_ts).
     */
    MarketContext context(final OnDemandRequest r) {
        final double[] y = r.y();
        final int n = Math.min(y.length, settings.inputLen());
        final double[] values = Arrays.copyOfRange(y, y.length - n, y.length);
        long maxGap = r.stepMs();
        long lastTick = r.asOfMs();
        if (r.yTsMs() != null) {
            final long[] ts = r.yTsMs();
            for (int i = ts.length - n + 1; i < ts.length; i++) {
                maxGap = Math.max(maxGap, ts[i] - ts[i - 1]);
            }
            lastTick = ts[ts.length - 1];
        }
        return new MarketContext(r.asOfMs(), r.stepMs(), values, n, maxGap, lastTick, r.liquidityBucket());
    }

    private ForecastRecord baseline(
            final ForecastFactory factory,
            final OnDemandRequest r,
            final MarketContext c,
            final String reason,
            final boolean gated,
            final ForecastFactory.Call call) {
        metrics.fallback(reason);
        return factory.baseline(r.marketId(), c, reason, gated, client.breakerState(), call);
    }

    private ForecastRecord callModel(
            final ForecastFactory factory,
            final ForecastSettings served,
            final OnDemandRequest r,
            final MarketContext c) {
        final SeriesInput series = series(r.marketId(), c, served.transform());
        final long deadline = nanoClock.getAsLong() + settings.jobDeadlineMs() * 1_000_000L;
        try {
            Optional<CompletableFuture<BatchResult>> call = client.trySubmit(List.of(series));
            while (call.isEmpty()) {
                final long leftMs = (deadline - nanoClock.getAsLong()) / 1_000_000L;
                if (leftMs <= 0) {
                    return deadlineExceeded(factory, r, c);
                }
                pause.pause(Math.min(settings.drainIntervalMs(), leftMs));
                call = client.trySubmit(List.of(series));
            }
            final long leftNanos = deadline - nanoClock.getAsLong();
            final BatchResult result = call.get().get(Math.max(0L, leftNanos), TimeUnit.NANOSECONDS);
            final ForecastFactory.Call facts = new ForecastFactory.Call(result.latencyMs(), result.attempts(), 1);
            if (result.failed()) {
                return baseline(factory, r, c, FallbackReasons.forModelFailure(result.failureKind()), false, facts);
            }
            final SeriesOutcome outcome = result.outcomes().get(series.id());
            if (outcome == null || !outcome.isValid()) {
                final String why = outcome == null ? "missing_series" : outcome.invalidReason();
                metrics.invalidPayload(why);
                return baseline(factory, r, c, FallbackReasons.forInvalidSeries(why), false, facts);
            }
            return factory.fromModel(
                    r.marketId(), c, cut(outcome.paths(), served), client.modelName(), client.breakerState(), facts);
        } catch (final TimeoutException e) {
            return deadlineExceeded(factory, r, c);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return deadlineExceeded(factory, r, c);
        } catch (final ExecutionException e) {
            // the client's futures always complete normally; anything else is a model failure of its own kind
            return baseline(factory, r, c, FallbackReasons.forModelFailure("unexpected"), false, null);
        }
    }

    private ForecastRecord deadlineExceeded(
            final ForecastFactory factory, final OnDemandRequest r, final MarketContext c) {
        return baseline(factory, r, c, FallbackReasons.DEADLINE_EXCEEDED, false, null);
    }

    /** Model-space input on a regular grid whose last point is the last observation's time. */
    private static SeriesInput series(final String id, final MarketContext c, final Transform transform) {
        final double[] target = new double[c.length()];
        final String[] timestamps = new String[c.length()];
        for (int i = 0; i < target.length; i++) {
            target[i] = transform.forward(c.values()[i]);
            timestamps[i] = Instant.ofEpochMilli(c.lastTickMs() - (long) (target.length - 1 - i) * c.stepMs())
                    .toString();
        }
        return new SeriesInput(id, timestamps, target);
    }

    /** The model's paths (configured levels and horizon) cut to the served levels and horizon. */
    private static QuantilePaths cut(final QuantilePaths model, final ForecastSettings served) {
        final double[] levels = served.levels();
        final double[][] paths = new double[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            final String key = QuantileKeys.key(levels[i]);
            int from = -1;
            for (int j = 0; j < model.levelCount(); j++) {
                if (QuantileKeys.key(model.level(j)).equals(key)) {
                    from = j;
                }
            }
            paths[i] = Arrays.copyOf(model.path(from), served.horizon());
        }
        return new QuantilePaths(levels, paths);
    }

    private static ForecastRecord withWarnings(final ForecastRecord f, final List<String> extra) {
        final ForecastMeta m = f.meta();
        final List<String> warnings = new ArrayList<>(m.warnings());
        warnings.addAll(extra);
        final ForecastMeta meta = new ForecastMeta(
                m.runtime(),
                m.modelName(),
                m.modelVersion(),
                m.method(),
                m.inputLen(),
                m.transform(),
                List.copyOf(warnings),
                m.fallbackUsed(),
                m.fallbackReason(),
                m.circuitBreakerState(),
                m.routeSelected(),
                m.routeReason(),
                m.latencyMs(),
                m.attempts(),
                m.batchSize(),
                m.calibration(),
                m.rolloutStage());
        return new ForecastRecord(
                f.schemaVersion(),
                f.marketId(),
                f.asOfTs(),
                f.freq(),
                f.horizonSteps(),
                f.quantiles(),
                f.yhatQ(),
                meta);
    }
}
