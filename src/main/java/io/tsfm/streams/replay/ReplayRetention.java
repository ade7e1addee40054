package io.tsfm.streams.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which topics a replay writes would lose its records: the broker judges a record by its timestamp, and a
 * replay writes the event time of old ticks, so a topic whose {@code retention.ms} is shorter than their age
 * deletes them as they arrive and one whose {@code message.timestamp.before.max.ms} is shorter refuses them.
 * Pure: the topics' settings come in, the problems go out, one line each naming the topic and the setting.
 */
public final class ReplayRetention {
    /** What of one topic's configuration decides the fate of old records; {@code -1} retention keeps all. */
    public record TopicSettings(String topic, String cleanupPolicy, long retentionMs, long timestampBeforeMaxMs) {}

    private ReplayRetention() {}

    /**
     * The problems with writing records stamped from {@code oldest} on at {@code now}, kept at least
     * {@code margin} longer (the replay's own run time); empty when every topic keeps them.
     */
    public static List<String> problems(
            final List<TopicSettings> topics, final Instant oldest, final Instant now, final Duration margin) {
        final long ageMs = Duration.between(oldest, now).toMillis();
        final Instant nowS = now.truncatedTo(ChronoUnit.SECONDS);
        final List<String> problems = new ArrayList<>();
        if (ageMs <= 0) {
            return problems;
        }
        for (final TopicSettings t : topics) {
            final boolean deletes =
                    t.cleanupPolicy() == null || t.cleanupPolicy().contains("delete");
            if (deletes && t.retentionMs() >= 0 && t.retentionMs() < ageMs + margin.toMillis()) {
                problems.add(t.topic() + ": retention.ms=" + t.retentionMs() + " (" + human(t.retentionMs())
                        + ") deletes records stamped before " + nowS.minusMillis(t.retentionMs())
                        + ", and this replay writes records stamped from " + oldest + " for up to "
                        + human(margin.toMillis()) + "; set retention.ms=-1 on it, or delete it so that the replay "
                        + "creates it with -1");
            }
            if (t.timestampBeforeMaxMs() < ageMs) {
                problems.add(t.topic() + ": message.timestamp.before.max.ms=" + t.timestampBeforeMaxMs() + " ("
                        + human(t.timestampBeforeMaxMs()) + ") refuses records stamped before "
                        + nowS.minusMillis(t.timestampBeforeMaxMs()) + ", and this replay writes records stamped from "
                        + oldest + "; raise it (on the broker: log.message.timestamp.before.max.ms)");
            }
        }
        return problems;
    }

    /** A duration the way an operator reads it: 7 d, 49 h 10 min, 90 s. */
    static String human(final long ms) {
        final Duration d = Duration.ofMillis(ms);
        if (d.toDays() >= 3 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
