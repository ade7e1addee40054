package io.tsfm.streams.forecaster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A thin java.net.http client for tests: every call goes over real HTTP to a started server. */
final class ForecasterHttp {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String apiKey;

    ForecasterHttp(final String baseUrl) {
        this(baseUrl, null);
    }

    ForecasterHttp(final String baseUrl, final String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    HttpRequest.Builder request(final String path) {
        final HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    HttpResponse<String> get(final String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(final String path, final String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(final String path, final String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(final String path) {
        return send(request(path).DELETE());
    }

    HttpResponse<String> send(final HttpRequest.Builder builder) {
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    static JsonNode json(final HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(final String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-series mock request: ids "s1", 5-minute timestamps, the given target and horizon. */
    static String mockRequest(final int horizon, final String quantiles, final double... target) {
        final StringBuilder ts = new StringBuilder();
        final StringBuilder values = new StringBuilder();
        for (int i = 0; i < target.length; i++) {
            if (i > 0) {
                ts.append(',');
                values.append(',');
            }
            ts.append(String.format("\"2026-02-20T11:%02d:00Z\"", 5 * i));
            values.append(target[i]);
        }
        return "{\"model\":\"mock\",\"horizon\":" + horizon
                + (quantiles == null ? "" : ",\"quantiles\":" + quantiles)
                + ",\"series\":[{\"id\":\"s1\",\"freq\":\"5min\",\"timestamps\":[" + ts + "],\"target\":[" + values
                + "]}]}";
    }
}
