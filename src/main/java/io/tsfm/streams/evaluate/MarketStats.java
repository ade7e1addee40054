package io.tsfm.streams.evaluate;

import io.tsfm.streams.calibrate.TickSize;
import io.tsfm.streams.domain.ObservedStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a set of markets moves on the 5-minute grid, in the figures that tell real prediction markets from a
 * random walk: the share of steps without a change, the size of the moves in price ticks, the steps between
 * moves and how often a move reverses the one before. {@code evaluate --market-stats} prints them for a
 * tick history and for the simulator, so the two can be compared (docs/forecaster.md).
 *
 * @param steps         5-minute steps counted (between each market's first and last tick)
 * @param unchanged     share of steps whose value equals the step before
 * @param sizeShares    share of moves of 1, 2, 3-5, 6-20 and over 20 ticks
 * @param medianSize    median move size in ticks
 * @param meanGap       mean steps from one move to the next
 * @param medianGap     median steps from one move to the next
 * @param p90Gap        90th percentile of the steps between moves
 * @param reversals     share of moves whose sign is opposite to the move before
 */
public record MarketStats(
        long markets,
        long steps,
        double unchanged,
        double[] sizeShares,
        double medianSize,
        double meanGap,
        double medianGap,
        double p90Gap,
        double reversals) {

    public static MarketStats of(final MarketHistory history, final long stepMs) {
        long steps = 0;
        long moves = 0;
        final List<Double> sizes = new ArrayList<>();
        final List<Integer> gaps = new ArrayList<>();
        long reversals = 0;
        long pairs = 0;
        for (final MarketHistory.Market m : history.markets().values()) {
            final double[] v = grid(m, stepMs);
            final double tick = TickSize.of(v);
            int lastMove = -1;
            double lastSign = 0;
            for (int i = 1; i < v.length; i++) {
                steps++;
                final double d = v[i] - v[i - 1];
                if (Math.abs(d) <= 1e-12) {
                    continue;
                }
                moves++;
                sizes.add(tick > 0 ? Math.rint(Math.abs(d) / tick) : Double.NaN);
                if (lastMove >= 0) {
                    gaps.add(i - lastMove);
                    pairs++;
                    reversals += Math.signum(d) == -lastSign ? 1 : 0;
                }
                lastMove = i;
                lastSign = Math.signum(d);
            }
        }
        final double[] s = sizes.stream()
                .filter(x -> !x.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        final int[] g = gaps.stream().mapToInt(Integer::intValue).sorted().toArray();
        final double[] shares = {
            share(s, 1, 1), share(s, 2, 2), share(s, 3, 5), share(s, 6, 20), share(s, 21, Double.MAX_VALUE)
        };
        return new MarketStats(
                history.markets().size(),
                steps,
                steps == 0 ? 0 : 1.0 - (double) moves / steps,
                shares,
                s.length == 0 ? Double.NaN : s[s.length / 2],
                g.length == 0 ? Double.NaN : Arrays.stream(g).average().orElse(Double.NaN),
                g.length == 0 ? Double.NaN : g[g.length / 2],
                g.length == 0 ? Double.NaN : g[(int) (0.9 * (g.length - 1))],
                pairs == 0 ? Double.NaN : (double) reversals / pairs);
    }

    /** The market's forward-filled value at every 5-minute close from its first tick's step to its last. */
    private static double[] grid(final MarketHistory.Market m, final long stepMs) {
        final long first = Math.floorDiv(m.firstTickMs(), stepMs) * stepMs;
        final long last = Math.floorDiv(m.lastTickMs(), stepMs) * stepMs;
        final int n = (int) ((last - first) / stepMs) + 1;
        final double[] v = new double[n];
        final List<ObservedStep> observed = m.steps().observed(first, last);
        int next = 0;
        double current = Double.NaN;
        for (int i = 0; i < n; i++) {
            final long start = first + i * stepMs;
            if (next < observed.size() && observed.get(next).stepStartMs() == start) {
                current = observed.get(next++).close().p();
            }
            v[i] = current;
        }
        return v;
    }

    private static double share(final double[] sorted, final double from, final double to) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return Arrays.stream(sorted).filter(x -> x >= from && x <= to).count() / (double) sorted.length;
    }

    /** One Markdown table row: | label | markets | steps | unchanged | 1 | 2 | 3-5 | 6-20 | >20 | median | gaps | reversals | */
    public String row(final String label) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %,d | %.1f %% | %.0f / %.0f / %.0f / %.0f / %.0f %% | %.0f | "
                        + "%.0f / %.1f / %.0f | %.0f %% |%n",
                label,
                markets,
                steps,
                100 * unchanged,
                100 * sizeShares[0],
                100 * sizeShares[1],
                100 * sizeShares[2],
                100 * sizeShares[3],
                100 * sizeShares[4],
                medianSize,
                medianGap,
                meanGap,
                p90Gap,
                100 * reversals);
    }

    public static String header() {
        return "| markets | n | 5-min steps | unchanged | moves of 1 / 2 / 3-5 / 6-20 / >20 ticks | median move (ticks) "
                + "| steps between moves: median / mean / p90 | reversals |\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
    }
}
