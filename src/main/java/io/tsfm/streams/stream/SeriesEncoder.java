package io.tsfm.streams.stream;

import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.model.SeriesInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's inputs for a batch of jobs: each context's values in the model's space, and the grid's
 * timestamps. Every market at one as_of shares one grid: it is formatted once, the same array goes to every
 * full context (the client encodes it once too) and suffixes to shorter ones. Nothing writes to it.
 */
final class SeriesEncoder {
    /** Grids of this many as_of values at most are kept: a cycle needs one, a replay's settle a few. */
    private static final int MAX_GRIDS = 4;

    private final Transform transform;
    private final Map<Long, String[]> grids = new HashMap<>();

    SeriesEncoder(final Transform transform) {
        this.transform = transform;
    }

    List<SeriesInput> series(final List<JobTracker.Job> batch) {
        final List<SeriesInput> out = new ArrayList<>(batch.size());
        for (final JobTracker.Job j : batch) {
            final MarketContext c = j.context();
            out.add(new SeriesInput(j.key(), timestamps(c), forward(c.values())));
        }
        return out;
    }

    /**
     * Each value in the model's space. A forward-filled context repeats its last close until the next tick, so
     * a run of equal values shares one transform (a logarithm each, 288 per market and cycle otherwise).
     */
    private double[] forward(final double[] values) {
        final double[] target = new double[values.length];
        double previous = Double.NaN;
        double transformed = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            final double v = values[i];
            if (Double.compare(v, previous) != 0) {
                previous = v;
                transformed = transform.forward(v);
            }
            target[i] = transformed;
        }
        return target;
    }

    private synchronized String[] timestamps(final MarketContext c) {
        final String[] grid = grids.get(c.asOfMs());
        if (grid != null && grid.length >= c.length()) {
            return grid.length == c.length() ? grid : Arrays.copyOfRange(grid, grid.length - c.length(), grid.length);
        }
        final String[] fresh = c.isoTimestamps();
        grids.put(c.asOfMs(), fresh);
        return fresh;
    }

    /** Forgets the grids once there are more than a few (called between batches). */
    synchronized void trim() {
        if (grids.size() > MAX_GRIDS) {
            grids.clear();
        }
    }

    synchronized void clear() {
        grids.clear();
    }
}
