package io.tsfm.streams.report;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.drift.InputSegment;

/**
 * The report's segment of a record: the market's liquidity bucket, as drift is tracked (InputSegment). The
 * stream's calibration segment adds the market's motion ({@code high|moving}), which a drift itself changes,
 * so comparing periods by it would compare different markets.
 */
final class Segments {
    private Segments() {}

    /** The bucket of a calibration or score segment such as {@code high|moving}; unknown for null. */
    static String ofSegment(final String segment) {
        if (segment == null) {
            return InputSegment.UNKNOWN;
        }
        final int bar = segment.indexOf('|');
        return InputSegment.of(bar < 0 ? segment : segment.substring(0, bar));
    }

    static String of(final ForecastRecord f) {
        return f.meta() == null || f.meta().calibration() == null
                ? InputSegment.UNKNOWN
                : ofSegment(f.meta().calibration().segment());
    }
}
