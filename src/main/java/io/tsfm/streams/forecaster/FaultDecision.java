package io.tsfm.streams.forecaster;

/**
 * The fate of one forecast request, drawn once by {@link FaultInjector} so that the handler only
 * has to carry it out.
 *
 * @param outcome     what to answer
 * @param delayMs     how long to wait before answering (ignored for {@link Outcome#HANG})
 * @param errorStatus the status for {@link Outcome#ERROR}
 * @param garbageKind the corruption for {@link Outcome#GARBAGE}
 */
public record FaultDecision(Outcome outcome, long delayMs, int errorStatus, GarbageKind garbageKind) {

    /** What the server does with the request. */
    public enum Outcome {
        HEALTHY,
        ERROR,
        HANG,
        GARBAGE
    }

    public boolean faulted() {
        return outcome != Outcome.HEALTHY;
    }
}
