package io.tsfm.streams.stream;

/**
 * How many model jobs a task may resolve between two punctuations: answers and deadline fallbacks are emitted
 * in the stream thread's open transaction, and without a bound a catch-up whose cycles queue more jobs than the
 * model answers lets a whole cycle's jobs pass their deadline at once (33,000 per task at 100,000 markets), which
 * outlasted the transaction timeout: the thread was fenced and every job sent again. What is left waits, still
 * open, for the next punctuation; an answer that comes meanwhile serves its job.
 */
final class ResolveBudget {
    /**
     * Answers per market of a cycle slice: an answer costs the stream thread less than a market (its standby band
     * is computed on the call thread), a deadline fallback computes its baseline on the stream thread.
     */
    static final int ANSWERS_PER_MARKET = 4;

    private final int answers;
    private final int deadlines;
    private int answersLeft;
    private int deadlinesLeft;

    private ResolveBudget(final int answers, final int deadlines) {
        this.answers = answers;
        this.deadlines = deadlines;
        renew();
    }

    /** The bound of a task whose cycle slices hold {@code sliceMarkets} markets, in the same unit. */
    static ResolveBudget perSlice(final int sliceMarkets) {
        if (sliceMarkets < 1) {
            throw new IllegalArgumentException("a slice holds at least one market");
        }
        return new ResolveBudget(
                (int) Math.min(Integer.MAX_VALUE, (long) sliceMarkets * ANSWERS_PER_MARKET), sliceMarkets);
    }

    /** No bound: for a wait that must see every job out (the settle before scoring). */
    static ResolveBudget unbounded() {
        return new ResolveBudget(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /** A new punctuation: the full bound again. */
    void renew() {
        answersLeft = answers;
        deadlinesLeft = deadlines;
    }

    int answersLeft() {
        return answersLeft;
    }

    int deadlinesLeft() {
        return deadlinesLeft;
    }

    void answered(final int jobs) {
        answersLeft = Math.max(0, answersLeft - jobs);
    }

    void expired(final int jobs) {
        deadlinesLeft = Math.max(0, deadlinesLeft - jobs);
    }
}
