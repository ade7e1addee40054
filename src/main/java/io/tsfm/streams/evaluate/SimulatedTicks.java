package io.tsfm.streams.evaluate;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.simulate.SimulationSpec;
import io.tsfm.streams.tick.TickParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The ticks of simulated markets, as the stream would take them: the simulator's records parsed by the
 * app's own {@link TickParser} (malformed ones, when the spec asks for them, left out), so that
 * {@code evaluate --simulated} runs the same evaluation as a user's own history.
 */
public final class SimulatedTicks {
    private SimulatedTicks() {}

    /** Every valid tick of one simulation run, in the simulator's order. */
    public static List<Tick> of(final SimulationSpec spec) {
        final TickParser parser = new TickParser(Long.MAX_VALUE / 4);
        final List<Tick> ticks = new ArrayList<>();
        final Iterator<SimRecord> records = new MarketSimulator(spec).iterator();
        while (records.hasNext()) {
            final SimRecord r = records.next();
            final TickParser.Result parsed = parser.parse(r.key(), r.value(), r.timestampMs());
            if (parsed.valid()) {
                ticks.add(parsed.tick());
            }
        }
        return ticks;
    }
}
