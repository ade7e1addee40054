package io.tsfm.streams.forecast;

import io.tsfm.streams.calibrate.Transform;
import io.tsfm.streams.context.MarketContext;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesInput;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One task's model jobs in memory: queued until an in-flight slot is free, batched into requests, and
 * resolved exactly once, by an answer or by the deadline, whichever comes first. Answers arrive on HTTP
 * threads and wait in a queue until the stream thread drains them; nothing else here is thread-safe.
 */
final class JobTracker {

    /** A model job: the key doubles as the series id in the request. */
    record Job(String key, String marketId, MarketContext context, long createdMs, long deadlineMs) {
    }

    /** A finished batched call and the jobs it carried. */
    record Completion(List<Job> jobs, BatchResult result) {
    }

    private final Map<String, Job> open = new HashMap<>();
    private final ArrayDeque<Job> queued = new ArrayDeque<>();
    private final ArrayDeque<Job> byDeadline = new ArrayDeque<>();
    private final ConcurrentLinkedQueue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Map<Long, String[]> gridCache = new HashMap<>();
    private volatile boolean closed;

    /** Adds a job unless one with the same key is open; deadlines must be added in ascending order. */
    boolean add(final Job job) {
        if (open.putIfAbsent(job.key(), job) != null) {
            return false;
        }
        queued.add(job);
        byDeadline.add(job);
        return true;
    }

    /**
     * Sends queued jobs in batches of at most {@code perRequest} while the client has free slots.
     *
     * @return the number of requests started
     */
    int dispatch(final ModelClient client, final Transform transform, final int perRequest) {
        int started = 0;
        while (!queued.isEmpty()) {
            final List<Job> batch = new ArrayList<>(Math.min(perRequest, queued.size()));
            while (batch.size() < perRequest && !queued.isEmpty()) {
                final Job j = queued.poll();
                if (open.get(j.key()) == j) {
                    batch.add(j);
                }
            }
            if (batch.isEmpty()) {
                break;
            }
            final Optional<CompletableFuture<BatchResult>> call = client.trySubmit(series(batch, transform));
            if (call.isEmpty()) {
                for (int i = batch.size() - 1; i >= 0; i--) {
                    queued.addFirst(batch.get(i));
                }
                break;
            }
            started++;
            call.get().thenAccept(result -> {
                if (!closed) {
                    completions.add(new Completion(batch, result));
                }
            });
        }
        trimGridCache();
        return started;
    }

    private List<SeriesInput> series(final List<Job> batch, final Transform transform) {
        final List<SeriesInput> out = new ArrayList<>(batch.size());
        for (final Job j : batch) {
            final MarketContext c = j.context();
            final double[] target = new double[c.length()];
            for (int i = 0; i < target.length; i++) {
                target[i] = transform.forward(c.values()[i]);
            }
            out.add(new SeriesInput(j.key(), timestamps(c), target));
        }
        return out;
    }

    /** Every market at one as_of shares one grid: format it once, hand out suffixes. */
    private String[] timestamps(final MarketContext c) {
        final String[] grid = gridCache.get(c.asOfMs());
        if (grid != null && grid.length >= c.length()) {
            return Arrays.copyOfRange(grid, grid.length - c.length(), grid.length);
        }
        final String[] fresh = c.isoTimestamps();
        gridCache.put(c.asOfMs(), fresh);
        return fresh.clone();
    }

    private void trimGridCache() {
        if (gridCache.size() > 4) {
            gridCache.clear();
        }
    }

    /** Completions that arrived since the last call, oldest first. */
    List<Completion> drainCompletions() {
        final List<Completion> out = new ArrayList<>();
        Completion c;
        while ((c = completions.poll()) != null) {
            out.add(c);
        }
        return out;
    }

    /** Marks the job resolved; false when it was resolved already (a late answer to drop). */
    boolean resolve(final Job job) {
        return open.remove(job.key(), job);
    }

    /** Resolves and returns every open job whose deadline is at or before {@code nowMs}. */
    List<Job> expire(final long nowMs) {
        final List<Job> out = new ArrayList<>();
        while (!byDeadline.isEmpty() && byDeadline.peek().deadlineMs() <= nowMs) {
            final Job j = byDeadline.poll();
            if (open.remove(j.key(), j)) {
                out.add(j);
            }
        }
        return out;
    }

    int openJobs() {
        return open.size();
    }

    /** The task is closing: forget everything; answers still in flight are dropped on arrival. */
    void close() {
        closed = true;
        open.clear();
        queued.clear();
        byDeadline.clear();
        completions.clear();
        gridCache.clear();
    }
}
