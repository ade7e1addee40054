package io.tsfm.streams.report;

import io.tsfm.streams.domain.FallbackEvent;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.score.ForecastScore;
import io.tsfm.streams.stream.serde.FallbackEventSerde;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import io.tsfm.streams.tick.DlqHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;

/**
 * The output records of one period, as_of in [from, to): what every figure of the report is computed from.
 * Scores are stamped when scored (a horizon after their as_of), so they are read up to {@link #SCORE_LAG}
 * past the end and kept by as_of.
 */
public record PeriodData(
        Instant from,
        Instant to,
        List<ForecastRecord> forecasts,
        List<FallbackEvent> fallbacks,
        List<ForecastScore> scores,
        List<ForecastRecord> shadows,
        List<DlqEntry> dlq) {

    /** How long after its as_of a forecast's score may be stamped: its horizon (1 h) and slack. */
    static final Duration SCORE_LAG = Duration.ofHours(3);

    public PeriodData {
        forecasts = List.copyOf(forecasts);
        fallbacks = List.copyOf(fallbacks);
        scores = List.copyOf(scores);
        shadows = List.copyOf(shadows);
        dlq = List.copyOf(dlq);
    }

    /** One dead-lettered tick: when it arrived and why it was refused. */
    public record DlqEntry(Instant ts, String reason) {}

    /** The topics read, by name. */
    public record Topics(String forecasts, String fallbacks, String scores, String shadows, String dlq) {}

    /** Reads the period's records from the topics. */
    static PeriodData read(final RangeReader reader, final Topics topics, final Instant from, final Instant to) {
        final List<ForecastRecord> forecasts =
                reader.read(topics.forecasts(), new ForecastRecordSerde().deserializer(), from, to, r -> r.value());
        final List<FallbackEvent> fallbacks =
                reader.read(topics.fallbacks(), new FallbackEventSerde().deserializer(), from, to, r -> r.value());
        final List<ForecastScore> scores = reader
                .read(
                        topics.scores(),
                        new ForecastScoreSerde().deserializer(),
                        from,
                        to.plus(SCORE_LAG),
                        r -> r.value())
                .stream()
                .filter(s -> s != null && within(s.asOfTs(), from, to))
                .toList();
        final List<ForecastRecord> shadows =
                reader.read(topics.shadows(), new ForecastRecordSerde().deserializer(), from, to, r -> r.value());
        final List<DlqEntry> dlq = reader.read(topics.dlq(), RangeReader.bytes(), from, to, r -> {
            final Header reason = r.headers().lastHeader(DlqHeaders.REASON);
            return new DlqEntry(
                    Instant.ofEpochMilli(r.timestamp()),
                    reason == null ? "unknown" : new String(reason.value(), StandardCharsets.UTF_8));
        });
        return new PeriodData(from, to, forecasts, fallbacks, scores, shadows, dlq);
    }

    static boolean within(final String ts, final Instant from, final Instant to) {
        final Instant t = Instant.parse(ts);
        return !t.isBefore(from) && t.isBefore(to);
    }
}
