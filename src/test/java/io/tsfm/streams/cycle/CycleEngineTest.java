package io.tsfm.streams.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.domain.ObservedStep;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.rollout.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cycle engine on its own: no Kafka, maps for stores, a model that answers in-process. */
class CycleEngineTest {
    private static final long MINUTE = 60_000L;
    private static final long STEP = 5 * MINUTE;
    private static final long B = 1_714_564_800_000L; // a boundary on the 5-minute grid
    private static final ForecastFactory.Call CALL = new ForecastFactory.Call(40L, 1, 1);

    private final ForecastSettings settings = AppConfig.of(Map.of()).forecastSettings();
    private final CycleEngine engine = new CycleEngine(settings);
    private final MapStores stores = new MapStores();
    private final ForecastScoring scoring = new ForecastScoring(settings, engine.grid(), ScoringMeters.NONE, stores);
    private final List<Long> settled = new ArrayList<>();
    private final List<String> scored = new ArrayList<>();

    @Test
    void aBoundaryIsDueOnceItsGraceHasPassed() {
        assertThat(engine.dueAt(B + settings.cycleGraceMs() - 1)).isEqualTo(B - STEP);
        assertThat(engine.dueAt(B + settings.cycleGraceMs())).isEqualTo(B);
    }

    @Test
    void aTasksFirstTickCountsTheBoundariesDueByThenAsDone() {
        assertThat(engine.firstTick(B + 2 * MINUTE)).isEqualTo(new CycleState(B, B + 2 * MINUTE));
        assertThat(engine.firstTick(B + 5_000)).isEqualTo(new CycleState(B - STEP, B + 5_000));
    }

    @Test
    void theNextBoundaryIsOneStepLaterOrAfterASilenceTheOldestThatCanHaveAnActiveMarket() {
        final CycleState state = new CycleState(B, B);

        assertThat(engine.nextBoundary(state, B + 3 * STEP)).isEqualTo(B + STEP);
        assertThat(engine.nextBoundary(state, B + 1000 * STEP)).isEqualTo(B + (1000 - 288) * STEP);
    }

    @Test
    void openingABoundarySettlesTheJobsAnHorizonOldScoresWhatItRealisesThenStartsItsCycle() {
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 288), scoring, callable());
        engine.keep(scoring, engine.answered(plan, flatAnswer(), "mock", "closed", CALL), plan);
        final long realisedAt = B + 12 * STEP;

        final CycleState opened = engine.openBoundary(new CycleState(realisedAt - STEP, realisedAt), realisedAt);
        assertThat(opened.scoring()).isTrue();
        assertThat(settled).isEmpty();

        final CycleState state = engine.scoreSlice(opened, 10, scoring, settled::add, this::record)
                .state();

        assertThat(settled).containsExactly(B);
        assertThat(scored).containsExactly("m-1 as_of " + B + " at " + realisedAt + " published");
        assertThat(stores.dueAtOrBefore(Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
        assertThat(state).isEqualTo(CycleState.starting(realisedAt, realisedAt));
        assertThat(state.running()).isTrue();
    }

    @Test
    void aBoundaryAfterTheCycleWindowIsScoredButGetsNoCycle() {
        final ForecastSettings windowed = AppConfig.of(Map.of("cycle.window.end.ms", Long.toString(B - STEP)))
                .forecastSettings();
        final CycleEngine late = new CycleEngine(windowed);

        final CycleState state = late.scoreSlice(
                        late.openBoundary(new CycleState(B - STEP, B), B), 10, scoring, settled::add, this::record)
                .state();

        assertThat(state).isEqualTo(new CycleState(B, B));
        assertThat(state.running()).isFalse();
        assertThat(settled).containsExactly(B - 12 * STEP);
    }

    @Test
    void aWarmUpsScoresTeachTheCalibratorsWithoutBeingPublished() {
        final ForecastSettings warmUp = AppConfig.of(Map.of("cycle.window.start.ms", Long.toString(B + STEP)))
                .forecastSettings();
        final CycleEngine engine = new CycleEngine(warmUp);
        final ForecastScoring scoring = new ForecastScoring(warmUp, engine.grid(), ScoringMeters.NONE, stores);
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 288), scoring, callable());
        engine.keep(scoring, engine.answered(plan, flatAnswer(), "mock", "closed", CALL), plan);

        engine.scoreBoundary(B + 12 * STEP, scoring, CycleEngine.InFlight.NONE, this::record);

        assertThat(scored).containsExactly("m-1 as_of " + B + " at " + (B + 12 * STEP) + " unpublished");
    }

    @Test
    void aHealthyMarketIsPlannedForTheModelWithBothCalibrations() {
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 288), scoring, callable());

        assertThat(plan.gated()).isFalse();
        assertThat(plan.decision().reason()).isNull();
        assertThat(plan.calibration()).isNotNull();
        assertThat(plan.fallback()).isNotNull();
        assertThat(plan.shadow()).isFalse();
        assertThat(plan.route().reason()).isEqualTo("no_rollout");
    }

    @Test
    void aShortContextIsGatedToTheBaselineWithoutAModelCalibration() {
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 31), scoring, callable());

        assertThat(plan.gated()).isTrue();
        assertThat(plan.decision().reason()).isEqualTo("too_few_points");
        assertThat(plan.calibration()).isNull();
        final ForecastFactory.Made made = engine.gatedBaseline(plan, "closed");
        assertThat(made.record().meta().runtime()).isEqualTo(ForecastFactory.RUNTIME_BASELINE);
        assertThat(made.record().meta().fallbackReason()).isEqualTo("too_few_points");
        assertThat(made.record().meta().routeSelected()).isEqualTo("baseline");
        assertThat(made.record().meta().routeReason()).isEqualTo("too_few_points");
    }

    @Test
    void anOpenBreakerGatesTheMarketWithItsOwnReason() {
        final CycleEngine.Plan plan =
                engine.plan("m-1", context(B, 288), scoring, models(ModelAvailability.BREAKER_OPEN));

        assertThat(plan.gated()).isTrue();
        assertThat(plan.decision().reason()).isEqualTo("circuit_breaker_open");
        assertThat(engine.gatedRoute(plan).reason()).isEqualTo("circuit_breaker_open");
    }

    @Test
    void aModelAnswerBecomesTheModelsRecordOnTheModelRoute() {
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 288), scoring, callable());

        final ForecastFactory.Made made = engine.answered(plan, flatAnswer(), "mock", "closed", CALL);

        assertThat(made.record().marketId()).isEqualTo("m-1");
        assertThat(made.record().meta().runtime()).isEqualTo(ForecastFactory.RUNTIME_MODEL);
        assertThat(made.record().meta().modelName()).isEqualTo("mock");
        assertThat(made.record().meta().routeSelected()).isEqualTo("tsfm");
        assertThat(made.record().lastMedian()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aKeptForecastWaitsUntilTheBoundaryThatRealisesItsLastStep() {
        final CycleEngine.Plan plan = engine.plan("m-1", context(B, 288), scoring, callable());
        engine.keep(scoring, engine.gatedBaseline(plan, "closed"), plan);

        engine.scoreBoundary(B + 11 * STEP, scoring, CycleEngine.InFlight.NONE, this::record);
        assertThat(scored).isEmpty();
        assertThat(stores.dueAtOrBefore(Long.MAX_VALUE, Integer.MAX_VALUE)).hasSize(1);

        engine.scoreBoundary(B + 12 * STEP, scoring, CycleEngine.InFlight.NONE, this::record);
        assertThat(scored).hasSize(1);
        assertThat(stores.dueAtOrBefore(Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void scoresMadeInSlicesAreThoseOfOnePassInTheSameOrder() {
        final List<io.tsfm.streams.score.ForecastScore> whole = new ArrayList<>();
        final List<io.tsfm.streams.score.ForecastScore> sliced = new ArrayList<>();

        assertThat(scoreFiveMarkets(100, whole)).isEqualTo(1);
        assertThat(scoreFiveMarkets(2, sliced)).isEqualTo(3);

        assertThat(whole).hasSize(5);
        assertThat(sliced).usingRecursiveComparison().isEqualTo(whole);
    }

    /** Scores five markets' forecasts at the boundary that realises them, {@code limit} a slice; the slices made. */
    private int scoreFiveMarkets(final int limit, final List<io.tsfm.streams.score.ForecastScore> out) {
        final ForecastScoring own = new ForecastScoring(settings, engine.grid(), ScoringMeters.NONE, new MapStores());
        for (int i = 0; i < 5; i++) {
            final CycleEngine.Plan plan = engine.plan("m-" + i, context(B, 288 - i), own, callable());
            engine.keep(own, engine.answered(plan, flatAnswer(), "mock", "closed", CALL), plan);
        }
        CycleState state = engine.openBoundary(new CycleState(B + 11 * STEP, B + 12 * STEP), B + 12 * STEP);
        int slices = 0;
        while (state.scoring()) {
            state = engine.scoreSlice(
                            state,
                            limit,
                            own,
                            CycleEngine.InFlight.NONE,
                            (score, asOfMs, at, published) -> out.add(score))
                    .state();
            slices++;
        }
        assertThat(state).isEqualTo(CycleState.starting(B + 12 * STEP, B + 12 * STEP));
        return slices;
    }

    private void record(
            final io.tsfm.streams.score.ForecastScore score,
            final long asOfMs,
            final long boundaryMs,
            final boolean published) {
        scored.add(score.marketId() + " as_of " + asOfMs + " at " + boundaryMs
                + (published ? " published" : " unpublished"));
    }

    private static CycleEngine.Models callable() {
        return models(ModelAvailability.CALLABLE);
    }

    private static CycleEngine.Models models(final ModelAvailability availability) {
        return new CycleEngine.Models() {
            @Override
            public String modelName(final Route route) {
                return "mock";
            }

            @Override
            public ModelAvailability availability(final Route route) {
                return availability;
            }
        };
    }

    /** A context of {@code length} steps at 0.5 with ticks every step, the last a minute before as_of. */
    private static MarketContext context(final long asOfMs, final int length) {
        final double[] values = new double[length];
        Arrays.fill(values, 0.5);
        return new MarketContext(asOfMs, STEP, values, length, STEP, asOfMs - MINUTE, "high");
    }

    /** The model's answer in logit space: 0 (p = 0.5) on every path and step, paths a little apart. */
    private QuantilePaths flatAnswer() {
        final double[] levels = settings.levels();
        final double[][] paths = new double[levels.length][settings.horizon()];
        for (int i = 0; i < levels.length; i++) {
            Arrays.fill(paths[i], (i - levels.length / 2) * 0.1);
        }
        return new QuantilePaths(levels, paths);
    }

    /** Scoring's stores in maps; no market has a tick after its forecast (its context is forward-filled). */
    private static final class MapStores extends InMemoryScoringStores {
        @Override
        public List<ObservedStep> steps(final String marketId, final long fromStepMs, final long toStepMs) {
            return List.of();
        }
    }
}
