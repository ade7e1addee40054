package io.tsfm.streams.domain;

/** A gate's verdict for one market and boundary: null reason means "ask the model". */
public record GateDecision(String reason, String detail) {
    public static final GateDecision MODEL = new GateDecision(null, null);

    public boolean baseline() {
        return reason != null;
    }
}
