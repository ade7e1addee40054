package io.tsfm.streams.ops.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsfm.streams.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An endpoint's answer: status, content type, body and extra headers. Every error the project's servers
 * answer has the one shape {@code {"detail": "..."}} ({@link #detail}).
 */
public record WebReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    public static final String JSON = "application/json";

    public WebReply {
        headers = Map.copyOf(headers);
    }

    public static WebReply json(final int status, final String json) {
        return new WebReply(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static WebReply text(final int status, final String contentType, final String body) {
        return new WebReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The error shape of every endpoint: {@code {"detail": message}}. */
    public static WebReply detail(final int status, final String message) {
        final ObjectNode node = Json.mapper().createObjectNode().put("detail", message);
        return json(status, node.toString());
    }

    /** This reply with one more header. */
    public WebReply withHeader(final String name, final String value) {
        final Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WebReply(status, contentType, body, more);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
