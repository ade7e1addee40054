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

    /**
     * Reads the records of [previousFrom, to) once and splits them at {@code from}: the previous period and this
     * one.
     *
     * @return the previous period, then this one
     */
    static List<PeriodData> read(
            final RangeReader reader,
            final Topics topics,
            final Instant previousFrom,
            final Instant from,
            final Instant to) {
        final PeriodData both = new PeriodData(
                previousFrom,
                to,
                reader.read(
                        topics.forecasts(), new ForecastRecordSerde().deserializer(), previousFrom, to, r -> r.value()),
                reader.read(
                        topics.fallbacks(), new FallbackEventSerde().deserializer(), previousFrom, to, r -> r.value()),
                reader.read(
                        topics.scores(),
                        new ForecastScoreSerde().deserializer(),
                        previousFrom,
                        to.plus(SCORE_LAG),
                        r -> r.value()),
                reader.read(
                        topics.shadows(), new ForecastRecordSerde().deserializer(), previousFrom, to, r -> r.value()),
                reader.read(topics.dlq(), RangeReader.bytes(), previousFrom, to, r -> {
                    final Header reason = r.headers().lastHeader(DlqHeaders.REASON);
                    return new DlqEntry(
                            Instant.ofEpochMilli(r.timestamp()),
                            reason == null ? "unknown" : new String(reason.value(), StandardCharsets.UTF_8));
                }));
        return List.of(both.slice(previousFrom, from), both.slice(from, to));
    }

    /** The records with as_of (a DLQ record: its timestamp) in [start, end). */
    PeriodData slice(final Instant start, final Instant end) {
        return new PeriodData(
                start,
                end,
                forecasts.stream().filter(f -> within(f.asOfTs(), start, end)).toList(),
                fallbacks.stream().filter(f -> within(f.asOfTs(), start, end)).toList(),
                scores.stream()
                        .filter(s -> s != null && within(s.asOfTs(), start, end))
                        .toList(),
                shadows.stream().filter(f -> within(f.asOfTs(), start, end)).toList(),
                dlq.stream()
                        .filter(d -> !d.ts().isBefore(start) && d.ts().isBefore(end))
                        .toList());
    }

    static boolean within(final String ts, final Instant from, final Instant to) {
        final Instant t = Instant.parse(ts);
        return !t.isBefore(from) && t.isBefore(to);
    }
}
