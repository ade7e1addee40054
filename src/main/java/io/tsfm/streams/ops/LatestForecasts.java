package io.tsfm.streams.ops;

import io.tsfm.streams.forecast.ForecastRecord;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.topology.Names;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
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
    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param self this instance's application.server, or null when it runs alone */
    public LatestForecasts(final KafkaStreams streams, final HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public OpsServer.Response get(final String rawPath, final String rawQuery) {
        final String prefix = "/markets/";
        final String suffix = "/forecast";
        if (!rawPath.startsWith(prefix) || !rawPath.endsWith(suffix) || rawPath.length() <= prefix.length() + suffix.length()) {
            return error(404, "use /markets/{market_id}/forecast");
        }
        final String encoded = rawPath.substring(prefix.length(), rawPath.length() - suffix.length());
        final String marketId = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        final KeyQueryMetadata meta = streams.queryMetadataForKey(Names.LATEST_FORECAST_STORE, marketId,
                Serdes.String().serializer());
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

    private OpsServer.Response local(final String marketId, final int partition) {
        try {
            final ReadOnlyKeyValueStore<String, ForecastRecord> store = streams.store(StoreQueryParameters
                    .fromNameAndType(Names.LATEST_FORECAST_STORE, QueryableStoreTypes.<String, ForecastRecord>keyValueStore())
                    .withPartition(partition));
            final ForecastRecord f = store.get(marketId);
            if (f == null) {
                return error(404, "no forecast for market " + marketId);
            }
            return OpsServer.Response.json(200, Json.mapper().writeValueAsString(f));
        } catch (final InvalidStateStoreException e) {
            return error(503, "store not queryable yet (" + e.getMessage() + "); retry");
        } catch (final IOException e) {
            return error(500, "cannot encode the forecast");
        }
    }

    private OpsServer.Response forward(final HostInfo owner, final String marketId) {
        final URI uri = URI.create("http://" + owner.host() + ":" + owner.port() + "/markets/"
                + URLEncoder.encode(marketId, StandardCharsets.UTF_8).replace("+", "%20") + "/forecast?" + FORWARDED);
        try {
            final HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return OpsServer.Response.json(r.statusCode(), r.body());
        } catch (final IOException e) {
            return error(502, "owner " + owner.host() + ":" + owner.port() + " unreachable: " + e.getMessage());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(503, "interrupted");
        }
    }

    private static OpsServer.Response error(final int status, final String message) {
        return OpsServer.Response.json(status, "{\"error\":" + quote(message) + "}");
    }

    private static String quote(final String s) {
        try {
            return Json.mapper().writeValueAsString(s);
        } catch (final IOException e) {
            return "\"error\"";
        }
    }
}
