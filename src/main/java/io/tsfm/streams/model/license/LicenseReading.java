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
    record Reported(String type, Boolean needsAcceptance, Boolean accepted) implements LicenseReading {
    }

    /** No licence could be read: the server is unreachable, the model is not installed, the answer is not JSON... */
    record Unreadable(String reason) implements LicenseReading {
    }
}
