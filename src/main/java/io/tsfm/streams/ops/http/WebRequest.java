package io.tsfm.streams.ops.http;

import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP request as an endpoint sees it: the method, the decoded path, the values of its route's
 * variable segments, the raw query, the headers (first value, case-insensitive), the whole body (read within
 * the server's limit) and the client's address.
 */
public record WebRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        String query,
        Function<String, String> headers,
        byte[] body,
        String remoteAddress) {

    public String header(final String name) {
        return headers.apply(name);
    }

    public String pathParam(final String name) {
        return pathParams.get(name);
    }
}
