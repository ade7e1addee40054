package io.tsfm.streams.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo says once why its first forecasts are baselines, and how long that lasts at its speed. */
class DemoWarmUpNoteTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void namesThePointsNeededAndTheWallTimeAtTheDemosSpeed() {
        assertThat(Demo.warmUpNote(32, FIVE_MINUTES, 300))
                .isEqualTo(
                        "demo: the baseline answers (reason too_few_points) until a "
                                + "market has 32 five-minute points (160 min of event time, about 32 s at 300x); then the model takes over");
        assertThat(Demo.warmUpNote(32, FIVE_MINUTES, 1200)).contains("about 8 s at 1200x");
        assertThat(Demo.warmUpNote(10, FIVE_MINUTES, 0))
                .contains("(50 min of event time, a few seconds at full speed)");
    }
}
