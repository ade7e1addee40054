package io.tsfm.streams.tick;

/** Header names on dead-letter records: why the tick was refused and where it came from. */
public final class DlqHeaders {
    private DlqHeaders() {}

    public static final String REASON = "tsfm.dlq.reason";
    public static final String DETAIL = "tsfm.dlq.detail";
    public static final String SOURCE_TOPIC = "tsfm.dlq.source.topic";
    public static final String SOURCE_PARTITION = "tsfm.dlq.source.partition";
    public static final String SOURCE_OFFSET = "tsfm.dlq.source.offset";
    public static final String SOURCE_TIMESTAMP = "tsfm.dlq.source.timestamp";
}
