package io.tsfm.streams.stream;

import io.tsfm.streams.cycle.ForecastFactory;
import io.tsfm.streams.domain.CalibrationSnapshot;
import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task's model jobs in memory: queued until an in-flight slot is free, batched into requests, and
 * resolved exactly once, by an answer or by the deadline, whichever comes first. Answers arrive on the model
 * client's call threads and wait in a queue until the stream thread drains them. Requests go out as soon as a
 * batch is full, while the cycle is still building contexts, and each answer sends the next queued batch from
 * its call thread, or lets another task's tracker send its own ({@link SharedSlots}): the model stays busy while
 * the stream thread works on other tasks. Those are the only other threads here, so every method that touches
 * the jobs holds the tracker's lock, never across a send.
 */
final class JobTracker {
    private static final Logger LOG = LoggerFactory.getLogger(JobTracker.class);
    /** Set while this thread sends: an answer completed at once (breaker open) must not send recursively. */
    private static final ThreadLocal<Boolean> SENDING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * A model job: the key doubles as the series id in the request; the calibrations of the model's answer
     * and of the baseline that replaces a failed one were fixed at its cycle, as was its route. {@code createdMs}
     * is the task's clock at the cycle's start (deadlines count from it); {@code startNanos} is
     * {@link System#nanoTime()} then, what the emit delay is measured from: the task's clock stands still
     * while a slice runs, the emit delay must not.
     */
    record Job(
            String key,
            String marketId,
            MarketContext context,
            long createdMs,
            long startNanos,
            long deadlineMs,
            CalibrationSnapshot calibration,
            CalibrationSnapshot fallbackCalibration,
            ForecastFactory.RouteInfo route) {

        /** Milliseconds since the job's cycle started, on the monotonic clock. */
        long elapsedMs() {
            return (System.nanoTime() - startNanos) / 1_000_000L;
        }

        /** The model forecast of this job's valid answer, as {@code client}'s model gave it. */
        ForecastFactory.Made answer(
                final ForecastFactory factory,
                final QuantilePaths modelSpace,
                final ModelClient client,
                final ForecastFactory.Call call) {
            return factory.fromModel(
                    marketId, context, modelSpace, client.modelName(), client.breakerState(), call, calibration, route);
        }
    }

    /**
     * A finished batched call, the jobs it carried and, for an answer, each job's standby band (null where
     * none was computed).
     */
    record Completion(List<Job> jobs, BatchResult result, double[][][] standby) {

        /** The standby band of the i-th job, or null. */
        double[][] standbyOf(final int i) {
            return standby == null ? null : standby[i];
        }
    }

    private final Map<String, Job> open = new HashMap<>();
    private final ArrayDeque<Job> queued = new ArrayDeque<>();
    private final ArrayDeque<Job> byDeadline = new ArrayDeque<>();
    private final LinkedBlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    /** Open jobs per as_of, so a cycle can tell whether every forecast it is about to score went out. */
    private final TreeMap<Long, Integer> openByAsOf = new TreeMap<>();

    private final ArrayDeque<Completion> ready = new ArrayDeque<>();
    private final ModelClient client;
    private final SharedSlots slots;
    private final SeriesEncoder encoder;
    /** Work for each answered job on the thread of its answer, off the stream thread: the standby band. */
    private final Function<MarketContext, double[][]> standby;

    private final int perRequest;
    private boolean closed;
    /** Between an add and the next dispatch the stream thread may add more: send full batches only. */
    private boolean adding;

    /** A tracker of {@code client}'s jobs that joins {@code slots}, the trackers of the other tasks calling it. */
    JobTracker(
            final ModelClient client,
            final SharedSlots slots,
            final Transform transform,
            final int perRequest,
            final Function<MarketContext, double[][]> standby) {
        this.client = client;
        this.slots = slots;
        this.standby = standby;
        this.encoder = new SeriesEncoder(transform);
        this.perRequest = perRequest;
        slots.join(this);
    }

    /**
     * Adds a job unless one with the same key is open, and sends a request once a full batch is queued;
     * deadlines must be added in ascending order.
     */
    boolean add(final Job job) {
        synchronized (this) {
            if (open.putIfAbsent(job.key(), job) != null) {
                return false;
            }
            openByAsOf.merge(job.context().asOfMs(), 1, Integer::sum);
            queued.add(job);
            byDeadline.add(job);
            adding = true;
            if (queued.size() < perRequest) {
                return true;
            }
        }
        send(true);
        return true;
    }

    /**
     * Sends queued jobs in batches of at most {@code perRequest} while the client has free slots; the last
     * may be partial, and until the next {@link #add} so may the one an answer sends.
     *
     * @return the number of requests started
     */
    int dispatch() {
        synchronized (this) {
            adding = false;
        }
        return send(false);
    }

    /** Sends queued batches while slots are free, a partial one only once the cycle has dispatched (another task's answer). */
    int sendQueued() {
        return send(false);
    }

    private int send(final boolean fullOnly) {
        if (SENDING.get()) {
            return 0; // the loop below, further up this thread's stack, goes on sending
        }
        SENDING.set(Boolean.TRUE);
        try {
            int started = 0;
            List<Job> batch;
            // no batch is taken from the queue and encoded while every slot is busy: at 100,000 markets the
            // cycle adds jobs far faster than the model answers, and each add would do it again
            while (client.slotFree() && (batch = nextBatch(fullOnly)) != null) {
                final Optional<CompletableFuture<BatchResult>> call;
                try {
                    call = client.trySubmit(encoder.series(batch));
                } catch (final RuntimeException e) {
                    requeue(batch);
                    throw e;
                }
                if (call.isEmpty()) {
                    requeue(batch);
                    break;
                }
                started++;
                final List<Job> sent = batch;
                // a call never completes exceptionally (failures are results), and answered() logs its own
                final var unused = call.get().thenAccept(result -> answered(sent, result));
            }
            return started;
        } finally {
            SENDING.set(Boolean.FALSE);
        }
    }

    /**
     * On the client's thread that completed a call: send the next batch, this task's or another's, compute the
     * answered jobs' standby bands, then queue the answer for the stream thread.
     */
    private void answered(final List<Job> batch, final BatchResult result) {
        try {
            sendQueued(); // a partial batch only once the cycle has dispatched (see nextBatch)
            slots.offer(this);
        } catch (final RuntimeException e) {
            // the jobs stay queued: the stream thread's next dispatch sends them or fails loudly
            LOG.warn("could not send the next batch after an answer: {}", e.toString());
        }
        final double[][][] bands = result.failed() ? null : standbyBands(batch);
        synchronized (this) {
            if (closed) {
                return;
            }
            completions.add(new Completion(batch, result, bands));
        }
    }

    /** Each job's standby band; null for one that cannot have one here (the stream thread then tries, and says why). */
    private double[][][] standbyBands(final List<Job> batch) {
        final double[][][] out = new double[batch.size()][][];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = standby.apply(batch.get(i).context());
            } catch (final RuntimeException e) {
                out[i] = null;
            }
        }
        return out;
    }

    /** The next batch to send, or null: none queued, or fewer than a full one when {@code fullOnly}. */
    @SuppressWarnings("ReferenceEquality") // the open job must be this very job, not an equal one
    private synchronized List<Job> nextBatch(final boolean fullOnly) {
        if (closed || queued.isEmpty() || ((fullOnly || adding) && queued.size() < perRequest)) {
            return null;
        }
        final List<Job> batch = new ArrayList<>(Math.min(perRequest, queued.size()));
        while (batch.size() < perRequest && !queued.isEmpty()) {
            final Job j = queued.poll();
            if (open.get(j.key()) == j) {
                batch.add(j);
            }
        }
        encoder.trim();
        return batch.isEmpty() ? null : batch;
    }

    private synchronized void requeue(final List<Job> batch) {
        if (closed) {
            return;
        }
        for (int i = batch.size() - 1; i >= 0; i--) {
            queued.addFirst(batch.get(i));
        }
    }

    /** Completions that arrived since the last call, oldest first. */
    synchronized List<Completion> drainCompletions() {
        return drainCompletions(Integer.MAX_VALUE);
    }

    /**
     * The answers that came in, oldest first, whole calls until they carry {@code maxJobs} jobs or more (none
     * when {@code maxJobs} is 0); the rest wait for the next drain.
     */
    synchronized List<Completion> drainCompletions(final int maxJobs) {
        Completion c;
        while ((c = completions.poll()) != null) {
            ready.add(c);
        }
        final List<Completion> out = new ArrayList<>();
        int jobs = 0;
        while (jobs < maxJobs && (c = ready.poll()) != null) {
            out.add(c);
            jobs += c.jobs().size();
        }
        return out;
    }

    /** Marks the job resolved; false when it was resolved already (a late answer to drop). */
    synchronized boolean resolve(final Job job) {
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
    synchronized boolean openAtOrBefore(final long asOfMs) {
        return !openByAsOf.isEmpty() && openByAsOf.firstKey() <= asOfMs;
    }

    /** The earliest deadline of an open job, or Long.MAX_VALUE. */
    @SuppressWarnings("ReferenceEquality") // the open job must be this very job, not an equal one
    synchronized long nextDeadlineMs() {
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
            synchronized (this) {
                ready.add(c);
            }
        }
    }

    /** Resolves and returns every open job whose deadline is at or before {@code nowMs}. */
    synchronized List<Job> expire(final long nowMs) {
        return expire(nowMs, Integer.MAX_VALUE);
    }

    /** Resolves and returns up to {@code limit} open jobs whose deadline is at or before {@code nowMs}, earliest first. */
    synchronized List<Job> expire(final long nowMs, final int limit) {
        final List<Job> out = new ArrayList<>();
        while (out.size() < limit && !byDeadline.isEmpty() && byDeadline.peek().deadlineMs() <= nowMs) {
            final Job j = byDeadline.poll();
            if (open.remove(j.key(), j)) {
                closed(j);
                out.add(j);
            }
        }
        return out;
    }

    /** Resolves and returns every open job made at or before {@code asOfMs}, whatever its deadline. */
    synchronized List<Job> expireAtOrBefore(final long asOfMs) {
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

    synchronized int openJobs() {
        return open.size();
    }

    /** The task is closing: forget everything; answers still in flight are dropped on arrival. */
    synchronized void close() {
        closed = true;
        slots.leave(this);
        open.clear();
        openByAsOf.clear();
        ready.clear();
        queued.clear();
        byDeadline.clear();
        completions.clear();
        encoder.clear();
    }
}
