package io.tsfm.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.replay.ReplayRetention.TopicSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant TEN_DAYS_AGO = NOW.minus(Duration.ofDays(10));
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final long SEVEN_DAYS_MS = Duration.ofDays(7).toMillis();

    @Test
    void refusesATopicWhoseRetentionDeletesTheOldRecordsItIsAboutToGet() {
        assertThat(ReplayRetention.problems(
                        List.of(new TopicSettings("bt-tsfm-forecasts", "delete", SEVEN_DAYS_MS, Long.MAX_VALUE)),
                        TEN_DAYS_AGO,
                        NOW,
                        TWO_HOURS))
                .containsExactly(
                        "bt-tsfm-forecasts: retention.ms=604800000 (7 d) deletes records stamped before 2026-11-29T12:00:00Z, "
                                + "and this replay writes records stamped from 2026-11-26T12:00:00Z for up to 2 h; set "
                                + "retention.ms=-1 on it, or delete it so that the replay creates it with -1");
    }

    @Test
    void namesTheStepChangelogsDerivedRetentionToo() {
        final long derived = Duration.ofHours(49).plusMinutes(10).toMillis();
        assertThat(ReplayRetention.problems(
                        List.of(new TopicSettings(
                                "app-replay-step-closes-changelog", "compact,delete", derived, Long.MAX_VALUE)),
                        TEN_DAYS_AGO,
                        NOW,
                        TWO_HOURS))
                .singleElement()
                .asString()
                .startsWith("app-replay-step-closes-changelog: retention.ms=177000000 "
                        + "(49 h 10 min) deletes records stamped before 2026-12-04T10:50:00Z");
    }

    @Test
    void acceptsTopicsThatKeepEverythingOrOnlyCompact() {
        assertThat(ReplayRetention.problems(
                        List.of(
                                new TopicSettings("bt-tsfm-forecasts", "delete", -1L, Long.MAX_VALUE),
                                new TopicSettings(
                                        "app-replay-step-closes-changelog", "compact,delete", -1L, Long.MAX_VALUE),
                                new TopicSettings(
                                        "app-replay-market-state-changelog", "compact", SEVEN_DAYS_MS, Long.MAX_VALUE)),
                        TEN_DAYS_AGO,
                        NOW,
                        TWO_HOURS))
                .isEmpty();
    }

    @Test
    void countsTheReplaysRunTimeAsPartOfTheAgeItMustKeep() {
        final TopicSettings elevenDays = new TopicSettings(
                "t", "delete", Duration.ofDays(10).plusHours(1).toMillis(), Long.MAX_VALUE);
        assertThat(ReplayRetention.problems(List.of(elevenDays), TEN_DAYS_AGO, NOW, Duration.ofMinutes(30)))
                .isEmpty();
        assertThat(ReplayRetention.problems(List.of(elevenDays), TEN_DAYS_AGO, NOW, TWO_HOURS))
                .hasSize(1);
    }

    @Test
    void refusesATopicThatWouldRejectOldTimestamps() {
        assertThat(ReplayRetention.problems(
                        List.of(new TopicSettings(ReplayTopics.NEW_TOPICS, "delete", -1L, SEVEN_DAYS_MS)),
                        TEN_DAYS_AGO,
                        NOW,
                        TWO_HOURS))
                .containsExactly(ReplayTopics.NEW_TOPICS
                        + ": message.timestamp.before.max.ms=604800000 (7 d) refuses records stamped before "
                        + "2026-11-29T12:00:00Z, and this replay writes records stamped from 2026-11-26T12:00:00Z; raise it "
                        + "(on the broker: log.message.timestamp.before.max.ms)");
    }

    @Test
    void findsNothingWrongWithRecentData() {
        assertThat(ReplayRetention.problems(
                        List.of(new TopicSettings("t", "delete", SEVEN_DAYS_MS, SEVEN_DAYS_MS)),
                        NOW.minus(Duration.ofHours(30)),
                        NOW,
                        TWO_HOURS))
                .isEmpty();
        assertThat(ReplayRetention.human(90_000L)).isEqualTo("1 min");
        assertThat(ReplayRetention.human(45_000L)).isEqualTo("45 s");
        assertThat(ReplayRetention.human(Duration.ofDays(2).toMillis())).isEqualTo("48 h");
    }
}
