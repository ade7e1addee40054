package io.tsfm.streams.evaluate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of an evaluation: the options, how many contexts were scored and why others were
 * skipped, and each forecaster's scores, so the command can print it and tests can compare it.
 *
 * @param options    what was evaluated
 * @param forecasts  contexts every candidate forecast and was scored on
 * @param gated      contexts skipped by a gate, by fallback reason
 * @param candidates scores per forecaster, in {@link Candidates#all} order
 */
public record EvaluationResult(EvaluationOptions options, long forecasts, Map<String, Long> gated,
                               List<CandidateScores> candidates) {

    public EvaluationResult {
        gated = Collections.unmodifiableMap(new TreeMap<>(gated));
        candidates = List.copyOf(candidates);
    }

    /** The named forecaster's scores. */
    public CandidateScores candidate(final String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no candidate " + name));
    }

    /** Relative pinball improvement of {@code name} over {@code reference}: 1 - loss / reference loss. */
    public double improvement(final String name, final String reference) {
        return 1.0 - candidate(name).overall().pinball() / candidate(reference).overall().pinball();
    }
}
