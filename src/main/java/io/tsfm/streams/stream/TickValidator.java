package io.tsfm.streams.stream;

import io.tsfm.streams.domain.Tick;
import io.tsfm.streams.tick.DlqHeaders;
import io.tsfm.streams.tick.TickCheck;
import io.tsfm.streams.tick.TickParser;
import io.tsfm.streams.topology.Names;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * First node after the source: parses raw bytes with {@link TickParser}. Valid ticks go on keyed by
 * market id and stamped with their event time; rejected ones keep their original bytes and headers and
 * gain DLQ headers naming the reason and the source partition/offset. Never throws on bad input.
 */
public final class TickValidator implements Processor<byte[], byte[], String, TickCheck> {
    private final TickParser parser;
    private final StreamMeters metrics;
    private ProcessorContext<String, TickCheck> context;
    private CommittedCounts committed;

    public TickValidator(final long maxFutureSkewMs, final StreamMeters metrics) {
        this.parser = new TickParser(maxFutureSkewMs);
        this.metrics = metrics;
    }

    @Override
    public void init(final ProcessorContext<String, TickCheck> context) {
        this.context = context;
        this.committed =
                context.<CommitLedger>getStateStore(Names.COMMIT_LEDGER_STORE).counts();
        committed.resumed();
    }

    @Override
    public void close() {
        if (committed != null) {
            committed.suspended();
        }
    }

    @Override
    public void process(final Record<byte[], byte[]> record) {
        final String key = TickParser.keyText(record.key());
        final TickParser.Result result = parser.parse(key, record.value(), record.timestamp());
        if (result.valid()) {
            final Tick tick = result.tick();
            final boolean needsRekey = key == null || key.isEmpty();
            metrics.tick();
            committed.tick();
            context.forward(
                    new Record<>(tick.marketId(), TickCheck.valid(tick, needsRekey), tick.tsMs(), record.headers()));
            return;
        }
        metrics.dlq(result.rejection().reason());
        committed.dlq(result.rejection().reason());
        final Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DlqHeaders.REASON, utf8(result.rejection().reason()));
        headers.add(DlqHeaders.DETAIL, utf8(String.valueOf(result.rejection().detail())));
        final RecordMetadata meta = context.recordMetadata().orElse(null);
        if (meta != null) {
            headers.add(DlqHeaders.SOURCE_TOPIC, utf8(meta.topic()));
            headers.add(DlqHeaders.SOURCE_PARTITION, utf8(Integer.toString(meta.partition())));
            headers.add(DlqHeaders.SOURCE_OFFSET, utf8(Long.toString(meta.offset())));
        }
        headers.add(DlqHeaders.SOURCE_TIMESTAMP, utf8(Long.toString(record.timestamp())));
        context.forward(new Record<>(
                key,
                TickCheck.rejected(result.rejection(), record.key(), record.value()),
                record.timestamp(),
                headers));
    }

    private static byte[] utf8(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
