package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.tick.TickParser;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract with the app: what the simulator calls well-formed the app's parser accepts, and the rest it rejects. */
class SimulatedTicksMeetTheTickParserTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void theParserAcceptsExactlyTheRecordsThatAreNotMalformed() {
        final TickParser parser = new TickParser(Duration.ofMinutes(5).toMillis());
        final SimulationSpec spec = new SimulationSpec(9, 20, START, START.plus(Duration.ofHours(4)), 0.1);
        long malformed = 0;

        for (final SimRecord record : new MarketSimulator(spec)) {
            final TickParser.Result result = parser.parse(record.key(), record.value(), record.timestampMs());
            assertThat(result.valid()).as(record.toString()).isEqualTo(!record.malformed());
            if (result.valid()) {
                assertThat(result.tick().marketId()).isEqualTo(record.key());
                assertThat(result.tick().tsMs()).isEqualTo(record.timestampMs());
            } else {
                malformed++;
            }
        }

        assertThat(malformed).isPositive();
    }
}
