package io.tsfm.streams.ops;

import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.ops.http.WebReply;
import io.tsfm.streams.topology.Names;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /markets/{id}/forecast}: the latest forecast of a market from the queryable
 * {@code latest-forecast} store. On several instances the one that owns the key answers; another
 * instance forwards the request to it (interactive-queries metadata, {@code application.server}).
 */
public final class LatestForecasts {
    static final String FORWARDED = "forwarded=1";
    /** As the stream's tick validation: longer ids never reach the store. */
    static final int MAX_MARKET_ID_LENGTH = 256;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param self this instance's application.server, or null when it runs alone */
    public LatestForecasts(final KafkaStreams streams, final HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /**
     * A market's latest forecast, from this instance's store or the instance that holds it.
     *
     * @param marketId the decoded path segment; {@code rawQuery} says whether another instance forwarded it
     */
    public WebReply get(final String marketId, final String rawQuery) {
        if (marketId.length() > MAX_MARKET_ID_LENGTH) {
            return error(400, "market_id is longer than " + MAX_MARKET_ID_LENGTH + " characters");
        }
        final KeyQueryMetadata meta = streams.queryMetadataForKey(
                Names.LATEST_FORECAST_STORE, marketId, Serdes.String().serializer());
        if (meta == null || KeyQueryMetadata.NOT_AVAILABLE.equals(meta)) {
            return error(503, "store metadata not available (starting or rebalancing); retry");
        }
        final HostInfo owner = meta.activeHost();
        if (self == null || owner.equals(self) || owner.equals(HostInfo.unavailable())) {
            return local(marketId, meta.partition());
        }
        if (rawQuery != null && rawQuery.contains(FORWARDED)) {
            return error(503, "key moved while forwarding; retry");
        }
        return forward(owner, marketId);
    }

    private WebReply local(final String marketId, final int partition) {
        try {
            final ReadOnlyKeyValueStore<String, ForecastRecord> store =
                    streams.store(StoreQueryParameters.fromNameAndType(
                                    Names.LATEST_FORECAST_STORE,
                                    QueryableStoreTypes.<String, ForecastRecord>keyValueStore())
                            .withPartition(partition));
            final ForecastRecord f = store.get(marketId);
            if (f == null) {
                return error(404, "no forecast for market " + marketId);
            }
            return WebReply.json(200, Json.mapper().writeValueAsString(f));
        } catch (final InvalidStateStoreException e) {
            return error(503, "store not queryable yet (" + e.getMessage() + "); retry");
        } catch (final IOException e) {
            return error(500, "cannot encode the forecast");
        }
    }

    private WebReply forward(final HostInfo owner, final String marketId) {
        final URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/markets/"
                + URLEncoder.encode(marketId, StandardCharsets.UTF_8).replace("+", "%20") + "/forecast?" + FORWARDED);
        try {
            final HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return WebReply.json(r.statusCode(), r.body());
        } catch (final IOException e) {
            return error(502, "owner " + owner.host() + ":" + owner.port() + " unreachable: " + e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        }
    }

    private static WebReply error(final int status, final String message) {
        return WebReply.detail(status, message);
    }
}
