package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tollama's 10 MB body limit, answered 413 over real HTTP. */
class BodyLimitTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension();

    @Test
    void aBodyOverTenMegabytesIs413() {
        final byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        final HttpResponse<String> response = SERVER.http()
                .send(SERVER.http().request("/v1/forecast").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ForecasterHttp.json(response).path("detail").asText()).contains("too large");
    }

    @Test
    void theServerKeepsAnsweringAfterA413() {
        final byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        SERVER.http().send(SERVER.http().request("/api/forecast").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        final HttpResponse<String> response =
                SERVER.http().post("/v1/forecast", ForecasterHttp.mockRequest(1, null, 2.0));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOfExactlyTenMegabytesIsRead() {
        final String json = ForecasterHttp.mockRequest(1, null, 2.0);
        final byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        System.arraycopy(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, body, 0, json.length());

        final HttpResponse<String> response = SERVER.http()
                .send(SERVER.http().request("/v1/forecast").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(200);
    }
}
