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

    /** The outcomes of the check; all but {@link #ALLOWED} refuse start-up. */
    public enum Verdict {
        /** The licence is on the allowlist (and accepted where that is needed). */
        ALLOWED,
        /** The licence is known and not on the allowlist. */
        NOT_ALLOWED,
        /** The licence needs acceptance and the server does not report it accepted. */
        NOT_ACCEPTED,
        /** No licence could be determined. */
        UNKNOWN
    }

    public boolean allowed() {
        return verdict == Verdict.ALLOWED;
    }

    /** One line for logs and the refusal message: the model, then the reason. */
    public String describe() {
        return model + ": " + reason;
    }
}
