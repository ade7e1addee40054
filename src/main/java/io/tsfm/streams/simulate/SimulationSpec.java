package io.tsfm.streams.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * What to simulate: the seed, how many markets, the event-time span [start, end), the share of
 * malformed records and an optional injected input drift. The same spec always yields the same records;
 * a spec without drift yields exactly the records it yielded before drift injection existed.
 *
 * <p>When the records go to a Kafka broker, the span must end near the broker's "now": brokers refuse
 * records stamped more than 1 h in the future ({@code message.timestamp.after.max.ms}) and delete
 * records older than the topic's retention (7 days by default). {@link #endingNow} builds such a span.
 *
 * @param seed          the randomness seed
 * @param markets       number of markets, ids {@code m-0001}, {@code m-0002}, ...
 * @param start         first event time (inclusive)
 * @param end           last event time (exclusive)
 * @param malformedRate share of records replaced by malformed bytes, in [0, 1]
 * @param drift         input drift injected inside the span, or null for none
 */
public record SimulationSpec(
        long seed, int markets, Instant start, Instant end, double malformedRate, InputDrift drift) {

    /** More markets than this would not fit the {@code m-NNNN} id scheme's intent and the demo's memory. */
    public static final int MAX_MARKETS = 1_000_000;

    public SimulationSpec {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (markets < 1 || markets > MAX_MARKETS) {
            throw new IllegalArgumentException("markets must be in [1, " + MAX_MARKETS + "]: " + markets);
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + " .. " + end);
        }
        if (!(malformedRate >= 0.0 && malformedRate <= 1.0)) {
            throw new IllegalArgumentException("malformed rate must be in [0, 1]: " + malformedRate);
        }
        if (drift != null && drift.after().compareTo(Duration.between(start, end)) >= 0) {
            throw new IllegalArgumentException(
                    "drift must start inside the span: " + drift.after() + " after " + start + " is not before " + end);
        }
    }

    /** A spec without drift. */
    public SimulationSpec(
            final long seed, final int markets, final Instant start, final Instant end, final double malformedRate) {
        this(seed, markets, start, end, malformedRate, null);
    }

    /** A spec without malformed records. */
    public SimulationSpec(final long seed, final int markets, final Instant start, final Instant end) {
        this(seed, markets, start, end, 0.0);
    }

    /** A span of {@code span} ending at the clock's current time, rounded down to the second. */
    public static SimulationSpec endingNow(final long seed, final int markets, final Duration span, final Clock clock) {
        Objects.requireNonNull(span, "span");
        if (span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("span must be positive: " + span);
        }
        final Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new SimulationSpec(seed, markets, end.minus(span), end);
    }

    public SimulationSpec withMalformedRate(final double rate) {
        return new SimulationSpec(seed, markets, start, end, rate, drift);
    }

    /** This spec with {@code inputDrift} injected (null removes it). */
    public SimulationSpec withDrift(final InputDrift inputDrift) {
        return new SimulationSpec(seed, markets, start, end, malformedRate, inputDrift);
    }

    /** Event time of the drift, when there is one. */
    public Optional<Instant> driftAt() {
        return drift == null ? Optional.empty() : Optional.of(start.plus(drift.after()));
    }

    public Duration span() {
        return Duration.between(start, end);
    }
}
