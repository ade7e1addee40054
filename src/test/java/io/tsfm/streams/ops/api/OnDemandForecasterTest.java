package io.tsfm.streams.ops.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.cycle.ForecastSettings;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.SeriesOutcome;
import io.tsfm.streams.stream.StubModelClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OnDemandForecasterTest {
    private static final long STEP = 300_000L;
    private static final long AS_OF = Instant.parse("2026-02-20T12:00:00Z").toEpochMilli();
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    private final ForecastSettings settings = AppConfig.of(Map.of()).forecastSettings();
    private final StubModelClient client = new StubModelClient(LEVELS, 12);
    private final TsfmMetrics metrics = TsfmMetrics.inMemory();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Long> pauses = new ArrayList<>();
    private final OnDemandForecaster forecaster = new OnDemandForecaster(settings, client, metrics, nanos::get, ms -> {
        pauses.add(ms);
        nanos.addAndGet(ms * 1_000_000L);
    });

    private static double[] path(final int n) {
        final double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.4 + 0.2 * i / n;
        }
        return y;
    }

    private static OnDemandRequest request(final double[] y) {
        return new OnDemandRequest(
                "m-1", AS_OF, "5m", STEP, null, null, y, null, null, null, null, null, null, "high", false);
    }

    private static OnDemandRequest with(
            final OnDemandRequest r,
            final String freq,
            final long stepMs,
            final Integer horizon,
            final double[] quantiles,
            final long[] yTs,
            final String bucket) {
        return new OnDemandRequest(
                r.marketId(),
                r.asOfMs(),
                freq,
                stepMs,
                horizon,
                quantiles,
                r.y(),
                yTs,
                r.transformSpace(),
                r.transformEps(),
                r.modelProvider(),
                r.modelName(),
                r.modelVersion(),
                bucket,
                r.covariatesGiven());
    }

    private static long[] grid(final int n, final long lastMs) {
        final long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = lastMs - (long) (n - 1 - i) * STEP;
        }
        return ts;
    }

    @Test
    void answersWithTheModelForSixtyFourPoints() {
        final double[] y = path(64);

        final ForecastRecord f = forecaster.forecast(request(y));

        assertThat(f.marketId()).isEqualTo("m-1");
        assertThat(f.asOfTs()).isEqualTo("2026-02-20T12:00:00Z");
        assertThat(f.freq()).isEqualTo("5m");
        assertThat(f.horizonSteps()).isEqualTo(12);
        assertThat(f.quantiles()).containsExactly(LEVELS);
        assertThat(f.yhatQ()).containsOnlyKeys("0.1", "0.5", "0.9");
        final double[] last = new double[12];
        Arrays.fill(last, y[63]);
        assertThat(f.yhatQ().get("0.5")).containsExactly(last, within(1e-9));
        assertThat(f.meta().runtime()).isEqualTo("tollama");
        assertThat(f.meta().modelName()).isEqualTo("stub");
        assertThat(f.meta().inputLen()).isEqualTo(64);
        assertThat(f.meta().fallbackUsed()).isFalse();
        assertThat(f.meta().routeSelected()).isEqualTo("tsfm");
        assertThat(f.meta().circuitBreakerState()).isEqualTo("closed");
        assertThat(f.meta().latencyMs()).isEqualTo(7L);
        assertThat(f.meta().batchSize()).isEqualTo(1);
        assertThat(metrics.count("tsfm.forecasts", "runtime", "tollama")).isEqualTo(1.0);
        assertThat(metrics.total("tsfm.fallback")).isZero();
    }

    @Test
    void sendsTheLogitContextOnARegularGridEndingAtAsOf() {
        forecaster.forecast(request(path(64)));

        final SeriesInput sent = client.calls().get(0).get(0);
        assertThat(sent.id()).isEqualTo("m-1");
        assertThat(sent.target()).hasSize(64);
        assertThat(sent.target()[63]).isCloseTo(Math.log(path(64)[63] / (1 - path(64)[63])), within(1e-12));
        assertThat(sent.timestamps()[63]).isEqualTo("2026-02-20T12:00:00Z");
        assertThat(sent.timestamps()[0]).isEqualTo("2026-02-20T06:45:00Z");
    }

    @Test
    void usesTheLastTwoHundredEightyEightValuesOfALongSeries() {
        final double[] y = path(500);

        final ForecastRecord f = forecaster.forecast(request(y));

        assertThat(f.meta().inputLen()).isEqualTo(288);
        assertThat(client.calls().get(0).get(0).target()).hasSize(288);
    }

    @Test
    void answersTheBaselineForTenPointsWithoutCallingTheModel() {
        final ForecastRecord f = forecaster.forecast(request(path(10)));

        assertThat(f.meta().runtime()).isEqualTo("baseline");
        assertThat(f.meta().fallbackUsed()).isTrue();
        assertThat(f.meta().fallbackReason()).isEqualTo("too_few_points");
        assertThat(f.meta().routeSelected()).isEqualTo("baseline");
        assertThat(f.meta().routeReason()).isEqualTo("too_few_points");
        assertThat(f.meta().warnings()).startsWith("fallback_reason=too_few_points");
        assertThat(f.meta().inputLen()).isEqualTo(10);
        assertThat(f.yhatQ().get("0.9")).hasSize(12);
        assertThat(client.calls()).isEmpty();
        assertThat(metrics.count("tsfm.fallback", "reason", "too_few_points")).isEqualTo(1.0);
        assertThat(metrics.count("tsfm.forecasts", "runtime", "baseline")).isEqualTo(1.0);
    }

    @Test
    void sendsALowLiquidityBucketToTheBaseline() {
        final ForecastRecord f = forecaster.forecast(with(request(path(64)), "5m", STEP, null, null, null, "low"));

        assertThat(f.meta().fallbackReason()).isEqualTo("baseline_only_liquidity_bucket");
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void findsTheWidestGapInYTs() {
        final long[] ts = grid(64, AS_OF);
        for (int i = 0; i < 40; i++) {
            ts[i] -= 13 * STEP; // 70 minutes between y_ts[39] and y_ts[40]
        }

        final ForecastRecord f = forecaster.forecast(with(request(path(64)), "5m", STEP, null, null, ts, "high"));

        assertThat(f.meta().fallbackReason()).isEqualTo("max_gap_exceeded");
    }

    @Test
    void countsTheTimeFromTheLastObservationToAsOfAsAGap() {
        final long[] ts = grid(64, AS_OF - 13 * STEP);

        final ForecastRecord f = forecaster.forecast(with(request(path(64)), "5m", STEP, null, null, ts, "high"));

        assertThat(f.meta().fallbackReason()).isEqualTo("max_gap_exceeded");
    }

    @Test
    void endsTheModelGridAtTheLastObservation() {
        final long[] ts = grid(64, AS_OF - 2 * STEP);

        forecaster.forecast(with(request(path(64)), "5m", STEP, null, null, ts, "high"));

        final String[] sent = client.calls().get(0).get(0).timestamps();
        assertThat(sent[63]).isEqualTo("2026-02-20T11:50:00Z");
    }

    @Test
    void routesAnotherFreqToTheBaselineBeforeTheBreaker() {
        client.breakerOpen(true);

        final ForecastRecord f =
                forecaster.forecast(with(request(path(64)), "1h", 3_600_000L, null, null, null, "high"));

        assertThat(f.freq()).isEqualTo("1h");
        assertThat(f.meta().fallbackReason()).isEqualTo("route_policy_baseline");
        assertThat(f.meta().routeSelected()).isEqualTo("baseline");
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void answersTheBaselineWhileTheBreakerIsOpen() {
        client.breakerOpen(true);

        final ForecastRecord f = forecaster.forecast(request(path(64)));

        assertThat(f.meta().fallbackReason()).isEqualTo("circuit_breaker_open");
        assertThat(f.meta().circuitBreakerState()).isEqualTo("open");
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void answersTheBaselineWhileTheModelsLicenceIsUnverified() {
        client.licence(ModelAvailability.LICENCE_UNVERIFIED);

        final ForecastRecord f = forecaster.forecast(request(path(64)));

        assertThat(f.meta().fallbackReason()).isEqualTo("model_licence_unverified");
        assertThat(f.meta().runtime()).isEqualTo("baseline");
        assertThat(client.calls()).isEmpty();
    }

    @Test
    void routesAnotherFreqToTheBaselineBeforeTheLicence() {
        client.licence(ModelAvailability.LICENCE_REFUSED);

        final ForecastRecord f =
                forecaster.forecast(with(request(path(64)), "1h", 3_600_000L, null, null, null, "high"));

        assertThat(f.meta().fallbackReason()).isEqualTo("route_policy_baseline");
    }

    @Test
    void fallsBackWithTheModelFailureKind() {
        client.failingWith("http_503");

        final ForecastRecord f = forecaster.forecast(request(path(64)));

        assertThat(f.meta().runtime()).isEqualTo("baseline");
        assertThat(f.meta().fallbackReason()).isEqualTo("tollama_error:http_503");
        assertThat(f.meta().routeSelected()).isEqualTo("tsfm");
        assertThat(f.meta().attempts()).isEqualTo(2);
        assertThat(metrics.count("tsfm.fallback", "reason", "tollama_error:http_503"))
                .isEqualTo(1.0);
    }

    @Test
    void fallsBackOnAnInvalidSeriesAndCountsIt() {
        client.answering(series ->
                BatchResult.success(Map.of(series.get(0).id(), SeriesOutcome.invalid("horizon_mismatch")), 9, 1));

        final ForecastRecord f = forecaster.forecast(request(path(64)));

        assertThat(f.meta().fallbackReason()).isEqualTo("tollama_error:invalid_payload:horizon_mismatch");
        assertThat(metrics.count("tsfm.invalid.payload", "why", "horizon_mismatch"))
                .isEqualTo(1.0);
    }

    @Test
    void waitsForAnInFlightSlotAsAStreamJobDoes() {
        client.withSlots(0);
        final OnDemandForecaster freeingAfterTwoPauses =
                new OnDemandForecaster(settings, client, metrics, nanos::get, ms -> {
                    pauses.add(ms);
                    if (pauses.size() == 2) {
                        client.withSlots(Integer.MAX_VALUE);
                    }
                });

        final ForecastRecord f = freeingAfterTwoPauses.forecast(request(path(64)));

        assertThat(f.meta().runtime()).isEqualTo("tollama");
        assertThat(pauses).containsExactly(20L, 20L);
    }

    @Test
    void answersDeadlineExceededWhenNoSlotFreesBeforeTheDeadline() {
        client.withSlots(0);

        final ForecastRecord f = forecaster.forecast(request(path(64)));

        assertThat(f.meta().fallbackReason()).isEqualTo("deadline_exceeded");
        assertThat(f.meta().routeSelected()).isEqualTo("tsfm");
        assertThat(pauses).hasSize(250).allSatisfy(ms -> assertThat(ms).isEqualTo(20L));
        assertThat(metrics.count("tsfm.fallback", "reason", "deadline_exceeded"))
                .isEqualTo(1.0);
    }

    @Test
    void answersDeadlineExceededWhenTheModelDoesNotAnswerInTime() {
        final ForecastSettings quick =
                AppConfig.of(Map.of("job.deadline.ms", "50")).forecastSettings();
        final StubModelClient silent = new StubModelClient(LEVELS, 12).holding();

        final ForecastRecord f = new OnDemandForecaster(quick, silent, metrics).forecast(request(path(64)));

        assertThat(f.meta().fallbackReason()).isEqualTo("deadline_exceeded");
        assertThat(silent.calls()).hasSize(1);
    }

    @Test
    void servesAShorterHorizonAndASubsetOfTheLevelsFromTheModelsAnswer() {
        final double[] y = path(64);

        final ForecastRecord f =
                forecaster.forecast(with(request(y), "5m", STEP, 6, new double[] {0.1, 0.9}, null, "high"));

        assertThat(f.horizonSteps()).isEqualTo(6);
        assertThat(f.quantiles()).containsExactly(0.1, 0.9);
        assertThat(f.yhatQ()).containsOnlyKeys("0.1", "0.9");
        assertThat(f.yhatQ().get("0.1")).hasSize(6);
        assertThat(f.meta().runtime()).isEqualTo("tollama");
        assertThat(f.meta().warnings()).isEmpty();
    }

    @Test
    void servesTheConfiguredHorizonAndLevelsWhenTheModelContractDoesNotCoverTheRequestsAndSaysSo() {
        final ForecastRecord f = forecaster.forecast(
                with(request(path(64)), "5m", STEP, 24, new double[] {0.05, 0.5, 0.95}, null, "high"));

        assertThat(f.horizonSteps()).isEqualTo(12);
        assertThat(f.quantiles()).containsExactly(LEVELS);
        assertThat(f.meta().warnings())
                .containsExactly("horizon_steps_not_served=24", "quantiles_not_served=0.05,0.5,0.95");
    }

    @Test
    void shapesABaselineAnswerLikeAModelAnswer() {
        final ForecastRecord f =
                forecaster.forecast(with(request(path(10)), "5m", STEP, 3, new double[] {0.5}, null, "high"));

        assertThat(f.horizonSteps()).isEqualTo(3);
        assertThat(f.yhatQ()).containsOnlyKeys("0.5");
        assertThat(f.yhatQ().get("0.5")).hasSize(3);
    }

    @Test
    void appliesTheRequestsTransform() {
        final double[] y = path(64);
        final OnDemandRequest raw = new OnDemandRequest(
                "m-1", AS_OF, "5m", STEP, null, null, y, null, "none", 1e-4, null, null, null, "high", false);

        final ForecastRecord f = forecaster.forecast(raw);

        assertThat(client.calls().get(0).get(0).target()).containsExactly(y);
        assertThat(f.meta().transform().space()).isEqualTo("none");
        assertThat(f.meta().transform().eps()).isEqualTo(1e-4);
    }

    @Test
    void warnsAboutAnotherModelNameAndIgnoredCovariates() {
        final OnDemandRequest r = new OnDemandRequest(
                "m-1", AS_OF, "5m", STEP, null, null, path(64), null, null, null, "tollama", "chronos", null, "high",
                true);

        final ForecastRecord f = forecaster.forecast(r);

        assertThat(f.meta().modelName()).isEqualTo("stub");
        assertThat(f.meta().warnings()).containsExactly("model_name_not_served=chronos", "covariates_ignored");
    }

    @Test
    void takesTheContextsGapFromItsOwnWindowOnly() {
        final double[] y = path(400);
        final long[] ts = grid(400, AS_OF);
        for (int i = 0; i < 50; i++) {
            ts[i] -= 24 * STEP; // a two-hour hole before the last 288 values
        }

        final ForecastRecord f = forecaster.forecast(with(request(y), "5m", STEP, null, null, ts, "high"));

        assertThat(f.meta().runtime()).isEqualTo("tollama");
        assertThat(Arrays.stream(client.calls().get(0).get(0).target()).count()).isEqualTo(288);
    }
}
