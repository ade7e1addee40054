package io.tsfm.streams.model.license;

/**
 * What the model server said about a model's licence, before any judgement: either the licence fields as
 * reported (each may be missing) or why they could not be read. {@link LicensePolicy} judges it.
 */
public sealed interface LicenseReading {

    /**
     * The {@code license} object of the server's answer.
     *
     * @param type            licence id, e.g. {@code apache-2.0}; null when missing or not a string
     * @param needsAcceptance {@code needs_acceptance}; null when missing
     * @param accepted        {@code accepted}; null when missing
     */
    record Reported(String type, Boolean needsAcceptance, Boolean accepted) implements LicenseReading {}

    /**
     * No licence could be read.
     *
     * @param reason    why, for the operator
     * @param retryable true when the server could not be asked (unreachable, no answer in time, 5xx, 429): the
     *                  licence may be read later; false when the server answered and the answer settles it
     *                  (model not installed, credentials refused, not JSON)
     */
    record Unreadable(String reason, boolean retryable) implements LicenseReading {}
}
