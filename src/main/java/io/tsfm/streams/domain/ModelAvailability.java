package io.tsfm.streams.domain;

/**
 * Whether a model may be called now, and if not, why: the model client answers it, the cycle's gates turn each
 * answer into a fallback reason. In the domain so that the gates need nothing of the model client.
 */
public enum ModelAvailability {
    CALLABLE,
    /** The model server could not be asked for the model's licence yet. */
    LICENCE_UNVERIFIED,
    /** The licence, read after start-up, is not allowed. */
    LICENCE_REFUSED,
    BREAKER_OPEN
}
