package io.tsfm.streams.stream;

import io.tsfm.streams.model.ModelClient;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The job trackers of every task that calls one model client. An answer frees an in-flight slot on its call
 * thread, and its own task may have nothing left to send while another task's batches wait for the stream
 * thread to come round to that task (busy scoring or cycling a third): the slot goes to those batches
 * instead of standing idle. Thread-safe; trackers join when made and leave when closed.
 */
final class SharedSlots {
    private final ModelClient client;
    private final CopyOnWriteArrayList<JobTracker> trackers = new CopyOnWriteArrayList<>();
    /** Where the next offer starts, so that no task's queue is always served last. */
    private final AtomicInteger turn = new AtomicInteger();

    SharedSlots(final ModelClient client) {
        this.client = client;
    }

    void join(final JobTracker tracker) {
        trackers.addIfAbsent(tracker);
    }

    void leave(final JobTracker tracker) {
        trackers.remove(tracker);
    }

    /** Lets the trackers other than {@code answered} send their queued batches while the client has a free slot. */
    @SuppressWarnings("ReferenceEquality") // the tracker that offers is skipped as the object it is
    void offer(final JobTracker answered) {
        final JobTracker[] all = trackers.toArray(new JobTracker[0]);
        if (all.length < 2) {
            return;
        }
        final int start = Math.floorMod(turn.getAndIncrement(), all.length);
        for (int i = 0; i < all.length && client.slotFree(); i++) {
            final JobTracker tracker = all[(start + i) % all.length];
            if (tracker != answered) {
                tracker.sendQueued();
            }
        }
    }

    int trackers() {
        return trackers.size();
    }
}
