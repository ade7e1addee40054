package io.tsfm.streams.drift;

/**
 * The model-input features whose drift is watched, with their fixed bins and the {@code feature} label
 * of {@code tsfm_input_psi{segment,feature}}.
 */
@SuppressWarnings("ImmutableEnumChecker") // PsiBins is a record whose edge arrays nothing writes
public enum Feature {
    /** The newest context value in logit space. */
    LOGIT_LEVEL("logit_level", PsiBins.LOGIT_LEVEL),
    /** The newest context value minus the one before, in logit space (one 5-minute step). */
    LOGIT_CHANGE_5M("logit_change_5m", PsiBins.LOGIT_CHANGE_5M);

    private final String label;
    private final PsiBins bins;

    Feature(final String label, final PsiBins bins) {
        this.label = label;
        this.bins = bins;
    }

    /** The metric label value. */
    public String label() {
        return label;
    }

    public PsiBins bins() {
        return bins;
    }
}
