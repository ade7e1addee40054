package io.tsfm.streams.model.license;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsfm.streams.json.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a model's licence from its tollama-compatible server with {@code POST /api/show}, which describes
 * an installed model (404 when it is not installed), using the same bearer token as the forecast calls.
 * Never throws: a failure becomes a {@link LicenseReading.Unreadable} saying why, and whether asking again later
 * can help.
 */
public final class ModelLicenseReader {

    static final String PATH = "/api/show";
    /** A start-up call, not the hot path: generous, so a busy server is not mistaken for a missing licence. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper mapper = Json.wire();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final String apiKey;

    /** @param apiKey bearer token of the model server; null when it needs none */
    public ModelLicenseReader(final String apiKey) {
        this.apiKey = apiKey;
    }

    public LicenseReading read(final ModelRef model) {
        final HttpResponse<byte[]> response;
        try {
            response = http.send(request(model), HttpResponse.BodyHandlers.ofByteArray());
        } catch (final ConnectException e) {
            return retryable("cannot connect to the model server");
        } catch (final HttpTimeoutException e) {
            return retryable("no answer from the model server within " + TIMEOUT.toSeconds() + " s");
        } catch (final IOException e) {
            return retryable("the request to the model server failed: " + e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return retryable("interrupted while asking the model server");
        }
        final int status = response.statusCode();
        if (status == 404) {
            return unreadable("the model is not installed on the model server (POST " + PATH + " answered 404)");
        }
        if (status == 401 || status == 403) {
            return unreadable("the model server refused the credentials (POST " + PATH + " answered " + status
                    + "); check tollama.api.key");
        }
        if (status >= 500 || status == 429) {
            return retryable("POST " + PATH + " answered HTTP " + status);
        }
        if (status != 200) {
            return unreadable("POST " + PATH + " answered HTTP " + status);
        }
        return parse(response.body());
    }

    private HttpRequest request(final ModelRef model) throws JsonProcessingException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(model.server() + PATH))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(Map.of("model", model.name()))));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request.build();
    }

    private LicenseReading parse(final byte[] body) {
        final JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (final IOException e) {
            return unreadable("the answer of POST " + PATH + " is not JSON");
        }
        final JsonNode license = root == null ? null : root.get("license");
        if (license == null || !license.isObject()) {
            return new LicenseReading.Reported(null, null, null);
        }
        final JsonNode type = license.get("type");
        return new LicenseReading.Reported(
                type != null && type.isTextual() ? type.asText() : null,
                bool(license.get("needs_acceptance")),
                bool(license.get("accepted")));
    }

    private static Boolean bool(final JsonNode node) {
        return (node != null && node.isBoolean()) ? node.booleanValue() : null;
    }

    private static LicenseReading unreadable(final String reason) {
        return new LicenseReading.Unreadable(reason, false);
    }

    /** The server could not be asked: the licence may be read later. */
    private static LicenseReading retryable(final String reason) {
        return new LicenseReading.Unreadable(reason, true);
    }
}
