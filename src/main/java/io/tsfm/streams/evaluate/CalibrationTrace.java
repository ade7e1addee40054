package io.tsfm.streams.evaluate;

/**
 * What the calibration evaluation did, in order, so that a test can check that no forecast was
 * calibrated with a value realised after its as_of. Callbacks come from the run's worker threads
 * (one seed per thread at a time); a recording trace must be thread-safe when several seeds run.
 */
public interface CalibrationTrace {

    /** Records nothing. */
    CalibrationTrace NONE = new CalibrationTrace() {
    };

    /**
     * A forecaster's calibrators (every online method) were fed the error of horizon step {@code step} of
     * the forecast made at {@code asOfMs}, whose realised value closes at {@code realisedCloseMs}, while the
     * run was at boundary {@code boundaryMs}.
     */
    default void updated(final long seed, final String forecaster, final long boundaryMs, final long asOfMs,
                         final int step, final long realisedCloseMs) {
    }

    /**
     * A forecast made at {@code asOfMs} was served calibrated by {@code method}, with calibration learnt
     * from values realised at or before {@code latestRealisedMs} ({@link Long#MIN_VALUE} when none yet).
     */
    default void served(final long seed, final String forecaster, final String method, final long asOfMs,
                        final long latestRealisedMs) {
    }
}
