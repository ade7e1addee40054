package io.tsfm.streams.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-command demo over a short span of event time: forecasts and fallbacks reach the topics. */
class DemoIT {

    @Test
    void runsEverythingInOneProcessAndPrintsForecastsAndFallbacks() throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final DemoOptions options =
                new DemoOptions(6, 4.0, 0, 7, null, null, null, null, List.of("m-0001"), true, 500, 0);
        final boolean completed;
        final long forecasts;
        final long fallbacks;
        try (Demo demo = new Demo(options, out).start()) {
            completed = demo.awaitCompletion();
            forecasts = demo.watcher().forecasts();
            fallbacks = demo.watcher().fallbacks();
        }
        final String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(completed).isTrue();
        // 4 h of 6 markets: at most 48 boundaries each; the youngest contexts are served by the baseline
        assertThat(forecasts).isGreaterThan(6 * 30).isLessThanOrEqualTo(6 * 48);
        assertThat(fallbacks).isPositive().isLessThan(forecasts);
        assertThat(printed)
                .contains("demo: embedded Kafka broker (KRaft) at 127.0.0.1:")
                .contains("forecast m-0001 ")
                .contains("tollama local-empirical")
                .contains("reason=too_few_points")
                .contains("summary  event time")
                .contains("demo: stopped; temporary data removed")
                .doesNotContain("forecast m-0002 ");
    }
}
