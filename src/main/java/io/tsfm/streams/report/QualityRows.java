package io.tsfm.streams.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report's quality section: this period's cells beside the previous period's same cells. */
final class QualityRows {
    private QualityRows() {}

    static Report.Quality of(final QualityFigures now, final QualityFigures before) {
        final Map<String, QualityFigures.Row> previous =
                before.rows().stream().collect(Collectors.toMap(QualityFigures.Row::key, Function.identity()));
        final List<Report.QualityRow> rows = new ArrayList<>();
        for (final QualityFigures.Row r : now.rows()) {
            final QualityFigures.Row p = previous.get(r.key());
            rows.add(new Report.QualityRow(
                    r.model(),
                    r.segment(),
                    r.horizon(),
                    r.steps(),
                    r.coverage(),
                    r.below(),
                    r.above(),
                    r.pinball(),
                    p == null ? Double.NaN : p.coverage(),
                    p == null ? Double.NaN : p.pinball()));
        }
        return new Report.Quality(
                now.scoredForecasts(), before.scoredForecasts(), rows, now.coverageByStep(), before.coverageByStep());
    }
}
