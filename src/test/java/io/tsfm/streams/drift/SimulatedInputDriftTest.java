package io.tsfm.streams.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.simulate.InputDrift;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.simulate.SimulationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedInputDriftTest {

    private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");
    /**
     * Markets resolve between 30 % and 85 % of the span; a 48 h span of which only the first 6 h are
     * read keeps resolutions (a real but different shift, to 0 or 1) out of both windows.
     */
    private static final SimulationSpec CALM = new SimulationSpec(42, 400, START, START.plus(Duration.ofDays(2)));

    private static final Duration READ = Duration.ofHours(6);
    /** Reference: the first 3 h; current window: the last 3 h (3 h to 6 h); drift at 3 h. */
    private static final DriftSettings SETTINGS =
            new DriftSettings(Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(3), 500);

    private static Map<String, DriftTracker> calm;
    private static Map<String, DriftTracker> drifted;

    @BeforeAll
    static void feedBothSimulations() {
        calm = feed(CALM);
        drifted = feed(CALM.withDrift(InputDrift.after(Duration.ofHours(3))));
    }

    @Test
    void everySegmentHasAPsiForBothFeatures() {
        assertThat(calm.keySet()).containsExactly("high", "low", "mid");
        assertThat(drifted.keySet()).containsExactly("high", "low", "mid");
        for (final Feature feature : Feature.values()) {
            calm.values().forEach(tracker -> assertThat(tracker.psi(feature)).isPresent());
            drifted.values().forEach(tracker -> assertThat(tracker.psi(feature)).isPresent());
        }
    }

    @Test
    void withoutDriftThePsiOfEveryFeatureStaysBelowOneTenth() {
        calm.forEach((segment, tracker) -> {
            for (final Feature feature : Feature.values()) {
                assertThat(tracker.psi(feature).getAsDouble())
                        .as(segment + " " + feature.label())
                        .isLessThan(0.1);
            }
        });
    }

    @Test
    void anInjectedDriftRaisesThePsiOfTheLevelEverywhereAndOfTheChangeInLiquidMarketsAboveTheWarningLevel() {
        drifted.forEach((segment, tracker) -> assertThat(
                        tracker.psi(Feature.LOGIT_LEVEL).getAsDouble())
                .as(segment)
                .isGreaterThan(Psi.WARN_ABOVE));
        // a low-liquidity market ticks every 15-40 minutes and its price moves on few of them, so its 5-minute
        // change is zero on most cycles before and after the drift: that feature moves less there
        for (final String segment : new String[] {"high", "mid"}) {
            assertThat(drifted.get(segment).psi(Feature.LOGIT_CHANGE_5M).getAsDouble())
                    .as(segment)
                    .isGreaterThan(Psi.WARN_ABOVE);
        }
        assertThat(drifted.get("low").psi(Feature.LOGIT_CHANGE_5M).getAsDouble())
                .isGreaterThan(calm.get("low").psi(Feature.LOGIT_CHANGE_5M).getAsDouble());
    }

    @Test
    void theLevelShiftPagesInEverySegment() {
        drifted.forEach((segment, tracker) -> assertThat(
                        tracker.psi(Feature.LOGIT_LEVEL).getAsDouble())
                .as(segment)
                .isGreaterThan(Psi.PAGE_ABOVE));
    }

    @Test
    void theDriftLeavesTheReferenceUntouched() {
        calm.forEach((segment, tracker) -> assertThat(drifted.get(segment).referenceHistograms())
                .as(segment)
                .isEqualTo(tracker.referenceHistograms()));
    }

    private static Map<String, DriftTracker> feed(final SimulationSpec spec) {
        final StepCloseFeed feed = new StepCloseFeed(SETTINGS, spec.start().toEpochMilli());
        final long untilMs = spec.start().plus(READ).toEpochMilli();
        for (final SimRecord record : new MarketSimulator(spec)) {
            if (record.timestampMs() >= untilMs) {
                break;
            }
            feed.accept(record);
        }
        return feed.trackers();
    }
}
