package io.tsfm.streams.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tsfm.streams.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTrackerTest {

    private static final long T0 = Instant.parse("2026-11-21T08:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    /** 3 h window of 1 h slices against the first 2 h seen; a PSI from one observation on. */
    private static final DriftSettings SETTINGS =
            new DriftSettings(Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(2), 1);

    @Test
    void theReferenceIsTheFirstSpanSeenAndCompletesOnceEventTimePassesIt() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);

        tracker.observe(T0 + 10 * MINUTE, level(0.5));
        tracker.observe(T0 + 70 * MINUTE, level(1.5));
        final boolean completeInside = tracker.referenceComplete();
        tracker.observe(T0 + 120 * MINUTE, level(2.5));

        assertThat(completeInside).isFalse();
        assertThat(tracker.referenceComplete()).isTrue();
        // 0.5 is in bin [0, 1) = 7, 1.5 in [1, 2) = 8; 2.5 came after the reference span
        assertThat(tracker.reference(Feature.LOGIT_LEVEL).counts())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0);
    }

    @Test
    void theWindowHoldsTheSlicesWithinOneWindowOfTheLatest() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);

        tracker.observe(T0, level(0.5));
        tracker.observe(T0 + HOUR, level(1.5));
        tracker.observe(T0 + 2 * HOUR, level(2.5));
        tracker.observe(T0 + 3 * HOUR + 59 * MINUTE, level(3.5));

        // the slice at T0 is 3 h behind the latest slice (T0 + 3 h): out of the 3 h window
        assertThat(tracker.current(Feature.LOGIT_LEVEL).counts())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0);
    }

    @Test
    void aLateObservationCountsOnlyWhileItsSliceIsInTheWindow() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);
        tracker.observe(T0 + 5 * HOUR, level(0.5));

        tracker.observe(T0 + 3 * HOUR + 30 * MINUTE, level(-0.5));
        tracker.observe(T0 + 2 * HOUR + 30 * MINUTE, level(-1.5));

        assertThat(tracker.current(Feature.LOGIT_LEVEL).total()).isEqualTo(2);
        assertThat(tracker.current(Feature.LOGIT_LEVEL).count(6)).isEqualTo(1);
        assertThat(tracker.current(Feature.LOGIT_LEVEL).count(5)).isZero();
    }

    @Test
    void aSlotIsClearedWhenTheRingComesRoundToIt() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);
        tracker.observe(T0, level(0.5));

        tracker.observe(T0 + 3 * HOUR, level(-0.5));

        // T0 and T0 + 3 h share a slot of the 3-slot ring
        assertThat(tracker.current(Feature.LOGIT_LEVEL).counts())
                .containsExactly(0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void noPsiBeforeTheReferenceIsCompleteOrWhileASideHasTooFewObservations() {
        final DriftTracker tracker =
                new DriftTracker(new DriftSettings(Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(1), 3));
        tracker.observe(T0, level(0.5));
        tracker.observe(T0, level(0.5));
        tracker.observe(T0, level(0.5));
        final boolean beforeComplete = tracker.psi(Feature.LOGIT_LEVEL).isPresent();

        tracker.observe(T0 + 4 * HOUR, level(1.5));
        final boolean withOneCurrent = tracker.psi(Feature.LOGIT_LEVEL).isPresent();
        tracker.observe(T0 + 4 * HOUR, level(1.5));
        tracker.observe(T0 + 4 * HOUR, level(1.5));

        assertThat(beforeComplete).isFalse();
        assertThat(withOneCurrent).isFalse();
        // reference all in bin 7, current all in bin 8: 2 * (1 - 1e-4) * ln(1e4)
        assertThat(tracker.psi(Feature.LOGIT_LEVEL).getAsDouble())
                .isCloseTo(2 * 0.9999 * Math.log(10_000), within(1e-12));
    }

    @Test
    void theSameObservationsAlwaysBuildTheSameState() {
        final DriftTracker first = new DriftTracker(SETTINGS);
        final DriftTracker replay = new DriftTracker(SETTINGS);

        feed(first);
        feed(replay);

        assertThat(replay.snapshot()).isEqualTo(first.snapshot());
        assertThat(replay.psi(Feature.LOGIT_CHANGE_5M)).isEqualTo(first.psi(Feature.LOGIT_CHANGE_5M));
    }

    @Test
    void aTrackerRestoredFromItsJsonContinuesAsIfNeverStopped() throws Exception {
        final DriftTracker uninterrupted = new DriftTracker(SETTINGS);
        final DriftTracker beforeRestart = new DriftTracker(SETTINGS);
        uninterrupted.observe(T0 + 10 * MINUTE, InputFeatures.of(0.4, 0.5));
        beforeRestart.observe(T0 + 10 * MINUTE, InputFeatures.of(0.4, 0.5));

        final String json = Json.mapper().writeValueAsString(beforeRestart.snapshot());
        final DriftTracker afterRestart =
                DriftTracker.restore(SETTINGS, Json.mapper().readValue(json, DriftState.class));
        uninterrupted.observe(T0 + 4 * HOUR, InputFeatures.of(0.5, 0.9));
        afterRestart.observe(T0 + 4 * HOUR, InputFeatures.of(0.5, 0.9));

        assertThat(json).contains("\"slice_ms\":3600000", "\"reference_start_ms\":" + T0);
        assertThat(afterRestart.snapshot()).isEqualTo(uninterrupted.snapshot());
        assertThat(afterRestart.psi(Feature.LOGIT_LEVEL)).isEqualTo(uninterrupted.psi(Feature.LOGIT_LEVEL));
    }

    @Test
    void aRestoreWithAnotherSliceLengthKeepsTheReferenceAndRefillsTheWindow() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);
        feed(tracker);

        final DriftTracker restored = DriftTracker.restore(
                new DriftSettings(Duration.ofHours(4), Duration.ofMinutes(30), Duration.ofHours(2), 1),
                tracker.snapshot());

        assertThat(restored.referenceHistograms()).isEqualTo(tracker.referenceHistograms());
        assertThat(restored.current(Feature.LOGIT_LEVEL).total()).isZero();
        assertThat(restored.referenceComplete()).isTrue();
    }

    @Test
    void aStateThatDoesNotFitTheBinsIsRefused() {
        final DriftState state = new DriftState(
                HOUR,
                false,
                DriftState.NO_TIME,
                DriftState.NO_TIME,
                new long[][] {new long[3], new long[3]},
                DriftState.NO_TIME,
                new long[0],
                new long[0][][]);

        assertThatThrownBy(() -> DriftTracker.restore(SETTINGS, state))
                .hasMessage("stored drift reference does not fit the features' bins");
    }

    @Test
    void aPinnedReferenceNeverCollectsAndIsCompleteAtOnce() {
        final DriftTracker source = new DriftTracker(SETTINGS);
        feed(source);
        final Map<Feature, Histogram> snapshot = source.referenceHistograms();

        final DriftTracker pinned = DriftTracker.pinned(SETTINGS, snapshot);
        pinned.observe(T0 + 10 * HOUR, InputFeatures.of(0.5, 0.6));

        assertThat(pinned.referenceComplete()).isTrue();
        assertThat(pinned.referenceHistograms()).isEqualTo(snapshot);
        assertThat(pinned.psi(Feature.LOGIT_LEVEL)).isPresent();
    }

    @Test
    void aValueWithoutAChangeCountsForTheLevelOnly() {
        final DriftTracker tracker = new DriftTracker(SETTINGS);

        tracker.observe(T0, InputFeatures.of(Double.NaN, 0.5));

        assertThat(tracker.current(Feature.LOGIT_LEVEL).total()).isEqualTo(1);
        assertThat(tracker.current(Feature.LOGIT_CHANGE_5M).total()).isZero();
    }

    @Test
    void windowAndReferenceMustBeWholeSlices() {
        assertThatThrownBy(() -> new DriftSettings(Duration.ofMinutes(90), Duration.ofHours(1), Duration.ofHours(2), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new DriftSettings(Duration.ofHours(2), Duration.ofHours(1), Duration.ofMinutes(150), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void feed(final DriftTracker tracker) {
        double p = 0.3;
        for (int step = 0; step < 12 * 6; step++) {
            final double next = 0.3 + 0.4 * ((step * 37) % 11) / 10.0;
            tracker.observe(T0 + step * 5L * MINUTE, InputFeatures.of(p, next));
            p = next;
        }
    }

    private static InputFeatures level(final double logit) {
        return new InputFeatures(logit, Double.NaN);
    }
}
