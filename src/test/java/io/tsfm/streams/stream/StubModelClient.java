package io.tsfm.streams.stream;

import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.SeriesOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A test double of {@link ModelClient} for TopologyTestDriver tests: answers in the calling thread (or
 * holds the call until released) with a scripted behaviour. Integration tests use real HTTP instead.
 */
public final class StubModelClient implements ModelClient {
    private final double[] levels;
    private final int horizon;
    private Function<List<SeriesInput>, BatchResult> behaviour;
    private final List<List<SeriesInput>> calls = new ArrayList<>();
    /** Calls held open, each with the series it carried. */
    private final List<Map.Entry<CompletableFuture<BatchResult>, List<SeriesInput>>> held = new ArrayList<>();

    private boolean hold;
    private boolean breakerOpen;
    private ModelAvailability licence;
    private int slots = Integer.MAX_VALUE;
    private int refused;
    private String name = "stub";

    public StubModelClient(final double[] levels, final int horizon) {
        this.levels = levels.clone();
        this.horizon = horizon;
        this.behaviour = this::flatLastValue;
    }

    /** tollama's mock model: every quantile is the last input value, for every step. */
    public BatchResult flatLastValue(final List<SeriesInput> series) {
        final Map<String, SeriesOutcome> out = new HashMap<>();
        for (final SeriesInput s : series) {
            final double last = s.target()[s.target().length - 1];
            final double[][] paths = new double[levels.length][horizon];
            for (final double[] p : paths) {
                java.util.Arrays.fill(p, last);
            }
            out.put(s.id(), SeriesOutcome.valid(new QuantilePaths(levels, paths)));
        }
        return BatchResult.success(out, 7, 1);
    }

    public StubModelClient answering(final Function<List<SeriesInput>, BatchResult> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    public StubModelClient failingWith(final String kind) {
        return answering(series -> BatchResult.failure(kind, "scripted failure", 3, 2));
    }

    /** Calls stay unanswered until {@link #releaseAll()}. */
    public StubModelClient holding() {
        this.hold = true;
        return this;
    }

    /** Answers every held call, oldest first; calls an answer starts on the way stay held. */
    public void releaseAll() {
        final List<Map.Entry<CompletableFuture<BatchResult>, List<SeriesInput>>> copy = new ArrayList<>(held);
        held.clear();
        for (final Map.Entry<CompletableFuture<BatchResult>, List<SeriesInput>> call : copy) {
            call.getKey().complete(behaviour.apply(call.getValue()));
        }
    }

    /** The model name this stub reports (several stubs stand for a rollout's current model and candidate). */
    public StubModelClient named(final String modelName) {
        this.name = modelName;
        return this;
    }

    public StubModelClient withSlots(final int slots) {
        this.slots = slots;
        return this;
    }

    public StubModelClient breakerOpen(final boolean open) {
        this.breakerOpen = open;
        return this;
    }

    public List<List<SeriesInput>> calls() {
        return calls;
    }

    @Override
    public Optional<CompletableFuture<BatchResult>> trySubmit(final List<SeriesInput> series) {
        if (!slotFree()) {
            refused++;
            return Optional.empty();
        }
        calls.add(List.copyOf(series));
        if (hold) {
            final CompletableFuture<BatchResult> f = new CompletableFuture<>();
            held.add(Map.entry(f, List.copyOf(series)));
            return Optional.of(f);
        }
        return Optional.of(CompletableFuture.completedFuture(behaviour.apply(series)));
    }

    @Override
    public boolean slotFree() {
        return held.size() < slots;
    }

    /** Calls {@link #trySubmit} refused for want of a slot. */
    public int refused() {
        return refused;
    }

    @Override
    public String breakerState() {
        return breakerOpen ? "open" : "closed";
    }

    @Override
    public boolean breakerOpen() {
        return breakerOpen;
    }

    /** The model's licence is unverified or refused, as {@code LicensedClient} reports it. */
    public StubModelClient licence(final ModelAvailability licenceState) {
        this.licence = licenceState;
        return this;
    }

    @Override
    public ModelAvailability availability() {
        return licence != null ? licence : ModelClient.super.availability();
    }

    @Override
    public String modelName() {
        return name;
    }

    @Override
    public void close() {}
}
