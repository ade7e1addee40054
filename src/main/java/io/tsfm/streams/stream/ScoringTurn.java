package io.tsfm.streams.stream;

/**
 * Which of a stream thread's tasks may make its boundary's scores now: one at a time, so that the first task's
 * cycle, and its model jobs, start once its own scores are made rather than once every task's are (at 100,000
 * markets a thread's three tasks scored 4-5 s in turns of 8,000 before any job went out). A task whose scores
 * are done, or that has none to make, never waits for the turn.
 */
final class ScoringTurn {
    private static final ThreadLocal<ScoringTurn> OF_THREAD = ThreadLocal.withInitial(ScoringTurn::new);

    private Object holder;

    /** The turn of the calling stream thread's tasks. */
    static ScoringTurn ofThisThread() {
        return OF_THREAD.get();
    }

    /** Whether {@code task} may score: it holds the turn, or nobody did and now it does. */
    synchronized boolean take(final Object task) {
        if (holder == null) {
            holder = task;
        }
        return holder == task;
    }

    /** {@code task}'s scores are done, or it closes: the next task to ask may score. */
    synchronized void release(final Object task) {
        if (holder == task) {
            holder = null;
        }
    }
}
