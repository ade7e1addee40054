package io.tsfm.streams.model.license;

import java.util.List;

/** Start-up refused by the licence check; the message is the documented refusal, ready for stderr. */
public final class LicenseRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<LicenseDecision> refused;

    LicenseRefusedException(final String message, final List<LicenseDecision> refused) {
        super(message, null, false, false);
        this.refused = List.copyOf(refused);
    }

    /** The models that were refused, each with its licence and reason. */
    public List<LicenseDecision> refused() {
        return refused;
    }
}
