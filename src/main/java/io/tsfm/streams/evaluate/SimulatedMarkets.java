package io.tsfm.streams.evaluate;

import io.tsfm.streams.context.Grid;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.simulate.SimulationSpec;
import io.tsfm.streams.tick.TickParser;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every market of one simulation run on the grid: the simulator's records are parsed by the app's own
 * {@link TickParser} (as the validation node does) and stored per market by {@link MarketSteps}.
 */
public final class SimulatedMarkets {

    private final Map<String, MarketSteps> markets;
    private final int rejected;

    private SimulatedMarkets(final Map<String, MarketSteps> markets, final int rejected) {
        this.markets = Collections.unmodifiableMap(markets);
        this.rejected = rejected;
    }

    /** Runs the simulation; its span must start on the grid. */
    public static SimulatedMarkets run(final SimulationSpec spec, final Grid grid, final long maxFutureSkewMs) {
        final long startMs = spec.start().toEpochMilli();
        final int steps = (int) Math.ceil((double) spec.span().toMillis() / grid.stepMs());
        final TickParser parser = new TickParser(maxFutureSkewMs);
        final Map<String, MarketSteps> markets = new TreeMap<>();
        int rejected = 0;
        final Iterator<SimRecord> records = new MarketSimulator(spec).iterator();
        while (records.hasNext()) {
            final SimRecord r = records.next();
            final TickParser.Result parsed = parser.parse(r.key(), r.value(), r.timestampMs());
            if (!parsed.valid()) {
                rejected++;
                continue;
            }
            markets.computeIfAbsent(parsed.tick().marketId(), id -> new MarketSteps(grid, startMs, steps))
                    .add(parsed.tick());
        }
        return new SimulatedMarkets(markets, rejected);
    }

    /** Markets by id, ascending. */
    public Map<String, MarketSteps> markets() {
        return markets;
    }

    /** Records the parser rejected (zero unless the spec asks for malformed records). */
    public int rejected() {
        return rejected;
    }
}
