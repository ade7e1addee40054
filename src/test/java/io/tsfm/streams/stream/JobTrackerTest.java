package io.tsfm.streams.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.MarketContext;
import io.tsfm.streams.domain.Transform;
import io.tsfm.streams.model.SeriesInput;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JobTrackerTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};
    private static final long AS_OF = 1_700_000_100_000L;
    private static final long STEP = 300_000L;

    private static JobTracker.Job job(final String market) {
        return jobDue(market, 5_000);
    }

    private static JobTracker.Job jobDue(final String market, final long deadlineMs) {
        final MarketContext ctx = new MarketContext(AS_OF, STEP, new double[] {0.4, 0.5, 0.6}, 3, STEP, AS_OF, "high");
        return new JobTracker.Job(market + "|" + AS_OF, market, ctx, 0, 0, deadlineMs, null, null, null);
    }

    /** A tracker of {@code perRequest} series per request that has added a job for each market, in order. */
    private static JobTracker trackerWith(final StubModelClient model, final int perRequest, final String... markets) {
        final JobTracker tracker =
                new JobTracker(model, new SharedSlots(model), Transform.logit(), perRequest, context -> null);
        for (final String m : markets) {
            tracker.add(job(m));
        }
        return tracker;
    }

    private static List<String> ids(final List<SeriesInput> call) {
        return call.stream().map(SeriesInput::id).toList();
    }

    @Test
    void sendsAFullBatchWhileTheCycleIsStillAddingJobs() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding();

        trackerWith(model, 2, "a", "b", "c");

        assertThat(model.calls()).hasSize(1);
        assertThat(ids(model.calls().get(0))).containsExactly("a|" + AS_OF, "b|" + AS_OF);
    }

    @Test
    void sendsThePartialLastBatchWhenTheCycleDispatches() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding();
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c");

        assertThat(tracker.dispatch()).isEqualTo(1);

        assertThat(model.calls()).hasSize(2);
        assertThat(ids(model.calls().get(1))).containsExactly("c|" + AS_OF);
    }

    @Test
    void anAnswerSendsTheNextQueuedBatchWithoutTheStreamThread() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(1);
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c", "d");
        tracker.dispatch();
        assertThat(model.calls()).hasSize(1);

        model.releaseAll(); // the answer's thread, not a dispatch, sends the next batch

        assertThat(model.calls()).hasSize(2);
        assertThat(ids(model.calls().get(1))).containsExactly("c|" + AS_OF, "d|" + AS_OF);
        final List<JobTracker.Completion> answered = tracker.drainCompletions();
        assertThat(answered).hasSize(1);
        assertThat(answered.get(0).jobs()).extracting(JobTracker.Job::marketId).containsExactly("a", "b");
    }

    @Test
    void addsJobsWithoutTryingACallWhileEveryInFlightSlotIsTaken() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(1);
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c", "d", "e", "f", "g");

        assertThat(model.calls()).hasSize(1);
        assertThat(model.refused()).as("full batches queued behind a busy slot").isZero();
        assertThat(tracker.openJobs()).isEqualTo(7);

        model.releaseAll(); // the freed slot takes the next full batch, in the order the jobs came

        assertThat(model.calls()).hasSize(2);
        assertThat(ids(model.calls().get(1))).containsExactly("c|" + AS_OF, "d|" + AS_OF);
        assertThat(model.refused()).isZero();
    }

    @Test
    void anAnswerHoldsBackAPartialBatchWhileTheCycleMayStillAddJobs() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(1);
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c");

        model.releaseAll();
        assertThat(model.calls()).hasSize(1);

        tracker.add(job("d"));
        assertThat(model.calls()).hasSize(2);
        assertThat(ids(model.calls().get(1))).containsExactly("c|" + AS_OF, "d|" + AS_OF);
    }

    @Test
    void anAnswerSendsThePartialTailOnceTheCycleHasDispatched() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(1);
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c");
        assertThat(tracker.dispatch()).as("no free slot at the cycle's end").isZero();

        model.releaseAll();

        assertThat(model.calls()).hasSize(2);
        assertThat(ids(model.calls().get(1))).containsExactly("c|" + AS_OF);
    }

    @Test
    void answersThatCompleteAtOnceSendTheQueueWithoutRecursion() {
        // a breaker that refuses calls completes them in the caller: 20,000 one-series batches would
        // overflow the stack if each answer sent the next batch from inside the previous send
        final StubModelClient model = new StubModelClient(LEVELS, 2).withSlots(0);
        final JobTracker tracker = new JobTracker(model, new SharedSlots(model), Transform.logit(), 1, context -> null);
        for (int i = 0; i < 20_000; i++) {
            tracker.add(job("m" + i));
        }
        model.withSlots(Integer.MAX_VALUE);

        assertThat(tracker.dispatch()).isEqualTo(20_000);

        assertThat(tracker.drainCompletions()).hasSize(20_000);
    }

    @Test
    void aClosedTrackerDropsLateAnswersAndSendsNothingMore() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(1);
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c", "d");

        tracker.close();
        model.releaseAll();

        assertThat(model.calls()).hasSize(1);
        assertThat(tracker.drainCompletions()).isEmpty();
        assertThat(tracker.openJobs()).isZero();
    }

    @Test
    void expiresAtMostItsLimitEarliestDeadlineFirstAndLeavesTheRestOpen() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding().withSlots(0);
        final JobTracker tracker = trackerWith(model, 2);
        for (int i = 0; i < 5; i++) {
            tracker.add(jobDue("m" + i, 1_000L + i));
        }

        assertThat(tracker.expire(10_000L, 2))
                .extracting(JobTracker.Job::marketId)
                .containsExactly("m0", "m1");
        assertThat(tracker.openJobs()).isEqualTo(3);
        assertThat(tracker.expire(10_000L, 2))
                .extracting(JobTracker.Job::marketId)
                .containsExactly("m2", "m3");
        assertThat(tracker.expire(10_000L, 2))
                .extracting(JobTracker.Job::marketId)
                .containsExactly("m4");
        assertThat(tracker.openJobs()).isZero();
    }

    @Test
    void drainsWholeAnswersUpToItsLimitOfJobsAndKeepsTheRestForTheNextDrain() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding();
        final JobTracker tracker = trackerWith(model, 2, "a", "b", "c", "d", "e", "f");
        tracker.dispatch();
        model.releaseAll(); // three answers of two jobs each

        assertThat(tracker.drainCompletions(3))
                .flatExtracting(JobTracker.Completion::jobs)
                .extracting(JobTracker.Job::marketId)
                .containsExactly("a", "b", "c", "d");
        assertThat(tracker.drainCompletions(0)).isEmpty();
        assertThat(tracker.drainCompletions(2))
                .flatExtracting(JobTracker.Completion::jobs)
                .extracting(JobTracker.Job::marketId)
                .containsExactly("e", "f");
    }

    /** Two tasks' trackers calling one client with one slot: the first's full batch sent, the second's queued. */
    private record TwoTasks(StubModelClient model, SharedSlots slots, JobTracker first, JobTracker second) {
        static TwoTasks sharingOneSlot() {
            final StubModelClient model =
                    new StubModelClient(LEVELS, 2).holding().withSlots(1);
            final SharedSlots slots = new SharedSlots(model);
            final TwoTasks tasks = new TwoTasks(
                    model,
                    slots,
                    new JobTracker(model, slots, Transform.logit(), 2, context -> null),
                    new JobTracker(model, slots, Transform.logit(), 2, context -> null));
            tasks.first().add(job("a"));
            tasks.first().add(job("b"));
            tasks.second().add(job("c"));
            tasks.second().add(job("d"));
            return tasks;
        }
    }

    @Test
    void anAnswerSendsAnotherTasksQueuedBatchWhenItsOwnTaskHasNoneLeft() {
        final TwoTasks tasks = TwoTasks.sharingOneSlot();
        assertThat(tasks.model().calls()).hasSize(1);

        tasks.model().releaseAll(); // the first task's answer, with nothing of its own left to send

        assertThat(tasks.model().calls()).hasSize(2);
        assertThat(ids(tasks.model().calls().get(1))).containsExactly("c|" + AS_OF, "d|" + AS_OF);
        assertThat(tasks.first().drainCompletions()).hasSize(1);
        assertThat(tasks.second().drainCompletions()).isEmpty();
    }

    @Test
    void aClosedTasksTrackerIsOfferedNoSlot() {
        final TwoTasks tasks = TwoTasks.sharingOneSlot();

        tasks.second().close();
        tasks.model().releaseAll();

        assertThat(tasks.model().calls()).hasSize(1);
        assertThat(tasks.slots().trackers()).isEqualTo(1);
    }

    @Test
    void everyFullContextOfACycleSharesOneTimestampArray() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding();
        trackerWith(model, 2, "a", "b");

        final List<SeriesInput> call = model.calls().get(0);
        assertThat(call.get(0).timestamps())
                .isSameAs(call.get(1).timestamps())
                .containsExactly("2023-11-14T22:05:00Z", "2023-11-14T22:10:00Z", "2023-11-14T22:15:00Z");
    }

    @Test
    void anAnswerCarriesEachJobsStandbyBandComputedOnTheAnswersThread() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).holding();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final JobTracker tracker = new JobTracker(model, new SharedSlots(model), Transform.logit(), 3, context -> {
            threads.add(Thread.currentThread().getName());
            if (context.values()[0] > 0.45) {
                throw new IllegalArgumentException("no band for this one");
            }
            return new double[][] {{context.values()[0]}};
        });
        tracker.add(job("a"));
        tracker.add(new JobTracker.Job(
                "b|" + AS_OF,
                "b",
                new MarketContext(AS_OF, STEP, new double[] {0.5, 0.5, 0.6}, 3, STEP, AS_OF, "high"),
                0,
                0,
                5_000,
                null,
                null,
                null));
        tracker.dispatch();
        assertThat(threads).as("nothing computed before the answer").isEmpty();

        final Thread answering = new Thread(model::releaseAll, "http-answer");
        answering.start();
        join(answering);

        final JobTracker.Completion answered = tracker.drainCompletions().get(0);
        assertThat(answered.standbyOf(0)[0]).containsExactly(0.4);
        assertThat(answered.standbyOf(1))
                .as("the stream thread computes it again, and says why it cannot")
                .isNull();
        assertThat(threads).containsExactly("http-answer", "http-answer");
    }

    @Test
    void aFailedCallCarriesNoStandbyBands() {
        final StubModelClient model = new StubModelClient(LEVELS, 2).failingWith("timeout");
        final JobTracker tracker =
                new JobTracker(model, new SharedSlots(model), Transform.logit(), 1, context -> new double[][] {{1.0}});

        tracker.add(job("a"));

        final JobTracker.Completion failed = tracker.drainCompletions().get(0);
        assertThat(failed.result().failed()).isTrue();
        assertThat(failed.standby()).isNull();
        assertThat(failed.standbyOf(0)).isNull();
    }

    private static void join(final Thread thread) {
        try {
            thread.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
