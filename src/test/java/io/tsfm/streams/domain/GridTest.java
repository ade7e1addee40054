package io.tsfm.streams.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GridTest {
    private static final long STEP = 300_000L;
    private static final long BOUNDARY = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    private final Grid grid = Grid.of(Duration.ofMinutes(5));

    @Test
    void buildsTheStepFromADuration() {
        assertThat(grid.stepMs()).isEqualTo(STEP);
    }

    @Test
    void rejectsAStepThatIsNotPositive() {
        assertThatThrownBy(() -> new Grid(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step must be positive");
        assertThatThrownBy(() -> new Grid(-STEP)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placesATimestampInTheStepThatContainsIt() {
        assertThat(grid.stepStart(BOUNDARY)).isEqualTo(BOUNDARY);
        assertThat(grid.stepStart(BOUNDARY + 1)).isEqualTo(BOUNDARY);
        assertThat(grid.stepStart(BOUNDARY + STEP - 1)).isEqualTo(BOUNDARY);
        assertThat(grid.stepStart(BOUNDARY - 1)).isEqualTo(BOUNDARY - STEP);
    }

    @Test
    void floorsTimestampsBeforeTheEpochDownwards() {
        assertThat(grid.stepStart(-1)).isEqualTo(-STEP);
        assertThat(grid.stepStart(-STEP)).isEqualTo(-STEP);
    }

    @Test
    void labelsAStepByItsClose() {
        assertThat(grid.closeOf(BOUNDARY)).isEqualTo(BOUNDARY + STEP);
    }

    @Test
    void findsTheLastBoundaryAtOrBeforeATimestamp() {
        assertThat(grid.boundaryAtOrBefore(BOUNDARY)).isEqualTo(BOUNDARY);
        assertThat(grid.boundaryAtOrBefore(BOUNDARY + STEP - 1)).isEqualTo(BOUNDARY);
    }

    @Test
    void makesABoundaryDueOnlyOnceTheGraceHasPassed() {
        final long grace = 10_000L;

        assertThat(grid.lastDueBoundary(BOUNDARY + grace, grace)).isEqualTo(BOUNDARY);
        assertThat(grid.lastDueBoundary(BOUNDARY + grace - 1, grace)).isEqualTo(BOUNDARY - STEP);
        assertThat(grid.lastDueBoundary(BOUNDARY + STEP + grace - 1, grace)).isEqualTo(BOUNDARY);
    }
}
