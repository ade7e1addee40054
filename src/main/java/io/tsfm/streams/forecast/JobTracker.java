package io.tsfm.streams.forecast;

import io.tsfm.streams.calibrate.CalibrationSnapshot;
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
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One task's model jobs in memory: queued until an in-flight slot is free, batched into requests, and
 * resolved exactly once, by an answer or by the deadline, whichever comes first. Answers arrive on HTTP
 * threads and wait in a queue until the stream thread drains them; nothing else here is thread-safe.
 */
final class JobTracker {

    /**
     * A model job: the key doubles as the series id in the request; the calibrations of the model's answer
     * and of the baseline that replaces a failed one were fixed at its cycle, as was its route.
     */
    record Job(String key, String marketId, MarketContext context, long createdMs, long deadlineMs,
               CalibrationSnapshot calibration, CalibrationSnapshot fallbackCalibration,
               ForecastFactory.RouteInfo route) {
    }

    /** A finished batched call and the jobs it carried. */
    record Completion(List<Job> jobs, BatchResult result) {
    }

    private final Map<String, Job> open = new HashMap<>();
    private final ArrayDeque<Job> queued = new ArrayDeque<>();
    private final ArrayDeque<Job> byDeadline = new ArrayDeque<>();
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    /** Open jobs per as_of, so a cycle can tell whether every forecast it is about to score went out. */
    private final TreeMap<Long, Integer> openByAsOf = new TreeMap<>();
    private final List<Completion> ready = new ArrayList<>();
    private final Map<Long, String[]> gridCache = new HashMap<>();
    private volatile boolean closed;

    /** Adds a job unless one with the same key is open; deadlines must be added in ascending order. */
    boolean add(final Job job) {
        if (open.putIfAbsent(job.key(), job) != null) {
            return false;
        }
        openByAsOf.merge(job.context().asOfMs(), 1, Integer::sum);
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
        final List<Completion> out = new ArrayList<>(ready);
        ready.clear();
        Completion c;
        while ((c = completions.poll()) != null) {
            out.add(c);
        }
        return out;
    }

    /** Marks the job resolved; false when it was resolved already (a late answer to drop). */
    boolean resolve(final Job job) {
        if (open.remove(job.key(), job)) {
            closed(job);
            return true;
        }
        return false;
    }

    private void closed(final Job job) {
        openByAsOf.computeIfPresent(job.context().asOfMs(), (k, n) -> n == 1 ? null : n - 1);
    }

    /** Whether a job made at or before {@code asOfMs} is still open. */
    boolean openAtOrBefore(final long asOfMs) {
        return !openByAsOf.isEmpty() && openByAsOf.firstKey() <= asOfMs;
    }

    /** The earliest deadline of an open job, or Long.MAX_VALUE. */
    long nextDeadlineMs() {
        for (final Job j : byDeadline) {
            if (open.get(j.key()) == j) {
                return j.deadlineMs();
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Blocks the calling (stream) thread until an answer arrives or {@code timeoutMs} passes; the answer
     * stays queued for {@link #drainCompletions()}.
     */
    void awaitCompletion(final long timeoutMs) throws InterruptedException {
        final Completion c = completions.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (c != null) {
            ready.add(c);
        }
    }

    /** Resolves and returns every open job whose deadline is at or before {@code nowMs}. */
    List<Job> expire(final long nowMs) {
        final List<Job> out = new ArrayList<>();
        while (!byDeadline.isEmpty() && byDeadline.peek().deadlineMs() <= nowMs) {
            final Job j = byDeadline.poll();
            if (open.remove(j.key(), j)) {
                closed(j);
                out.add(j);
            }
        }
        return out;
    }

    /** Resolves and returns every open job made at or before {@code asOfMs}, whatever its deadline. */
    List<Job> expireAtOrBefore(final long asOfMs) {
        final List<Job> out = new ArrayList<>();
        for (final Job j : List.copyOf(open.values())) {
            if (j.context().asOfMs() <= asOfMs) {
                open.remove(j.key());
                closed(j);
                out.add(j);
            }
        }
        out.sort(java.util.Comparator.comparing(Job::key));
        return out;
    }

    int openJobs() {
        return open.size();
    }

    /** The task is closing: forget everything; answers still in flight are dropped on arrival. */
    void close() {
        closed = true;
        open.clear();
        openByAsOf.clear();
        ready.clear();
        queued.clear();
        byDeadline.clear();
        completions.clear();
        gridCache.clear();
    }
}
