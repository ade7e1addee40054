package io.tsfm.streams.model.license;

/**
 * The licence check's verdict on one model, with the licence (when known) and a reason an operator can act on.
 *
 * @param model   the model checked
 * @param verdict allowed, or why not
 * @param licence the reported licence id; null when unknown
 * @param reason  one phrase, e.g. {@code licence 'cc-by-nc-4.0' is not on the allowlist}
 */
public record LicenseDecision(ModelRef model, Verdict verdict, String licence, String reason) {

    /**
     * The outcomes of the check. {@link #ALLOWED} lets the model be called; {@link #UNVERIFIED} starts the app
     * with the baseline serving the model's markets until the licence is read; the others refuse start-up.
     */
    public enum Verdict {
        /** The licence is on the allowlist (and accepted where that is needed). */
        ALLOWED,
        /** The licence is known and not on the allowlist. */
        NOT_ALLOWED,
        /** The licence needs acceptance and the server does not report it accepted. */
        NOT_ACCEPTED,
        /** The server answered, and no licence could be determined from its answer. */
        UNKNOWN,
        /** The server could not be asked (unreachable, no answer in time, 5xx): read it again later. */
        UNVERIFIED
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }

    /** Whether the licence is still to be read: neither allowed nor refused. */
    public boolean unverified() {
        return verdict == Verdict.UNVERIFIED;
    }

    /** One line for logs and the refusal message: the model, then the reason. */
    public String describe() {
        return model + ": " + reason;
    }
}
