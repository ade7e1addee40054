package io.tsfm.streams.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.model.license.ModelLicences;
import io.tsfm.streams.model.license.ModelRef;
import io.tsfm.streams.ops.http.WebReply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Liveness and readiness from the KafkaStreams state and store restoration: live unless the client has
 * failed or stopped; ready only when RUNNING with no store still restoring. A model whose licence is not read
 * yet (or was refused) does not make the app unready, since the baseline serves its markets; readiness names it.
 */
public final class Health implements StateRestoreListener {
    private final KafkaStreams streams;
    private final ModelLicences licences;
    private final AtomicInteger restoring = new AtomicInteger();

    public Health(final KafkaStreams streams, final ModelLicences licences) {
        this.streams = streams;
        this.licences = licences;
    }

    public WebReply live() {
        final KafkaStreams.State s = streams.state();
        if (s == KafkaStreams.State.ERROR
                || s == KafkaStreams.State.NOT_RUNNING
                || s == KafkaStreams.State.PENDING_ERROR) {
            return WebReply.json(503, "{\"status\":\"down\",\"reason\":\"streams state " + s + "\"}");
        }
        return WebReply.json(200, "{\"status\":\"up\",\"streams_state\":\"" + s + "\"}");
    }

    public WebReply ready() {
        final KafkaStreams.State s = streams.state();
        if (s != KafkaStreams.State.RUNNING) {
            return WebReply.json(503, "{\"status\":\"not_ready\",\"reason\":\"streams state " + s + "\"}");
        }
        final int n = restoring.get();
        if (n > 0) {
            return WebReply.json(503, "{\"status\":\"not_ready\",\"reason\":\"" + n + " store partitions restoring\"}");
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        final List<ModelRef> unverified = licences.unverified();
        final List<ModelRef> refused = licences.refused();
        if (!unverified.isEmpty()) {
            body.put(
                    "models_licence_unverified",
                    unverified.stream().map(ModelRef::toString).toList());
        }
        if (!refused.isEmpty()) {
            body.put(
                    "models_licence_refused",
                    refused.stream().map(ModelRef::toString).toList());
        }
        try {
            return WebReply.json(200, Json.mapper().writeValueAsString(body));
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("cannot encode readiness", e);
        }
    }

    @Override
    public void onRestoreStart(final TopicPartition tp, final String store, final long start, final long end) {
        restoring.incrementAndGet();
    }

    @Override
    public void onBatchRestored(final TopicPartition tp, final String store, final long batchEnd, final long n) {
        // progress is not needed for readiness
    }

    @Override
    public void onRestoreEnd(final TopicPartition tp, final String store, final long total) {
        restoring.decrementAndGet();
    }

    @Override
    public void onRestoreSuspended(final TopicPartition tp, final String store, final long total) {
        restoring.decrementAndGet();
    }
}
