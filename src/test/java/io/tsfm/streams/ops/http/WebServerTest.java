package io.tsfm.streams.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.json.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded server over real sockets: exact routes, one error shape, limits, and no way to freeze it. */
class WebServerTest {
    private static final WebServer.Limits LIMITS = new WebServer.Limits(6, 1_000, 1_024, 4_096);
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebServer server;

    @BeforeEach
    void start() {
        final WebRoutes routes = new WebRoutes()
                .get("/health/live", WebEndpoint.of(r -> WebReply.json(200, "{\"status\":\"up\"}")))
                .get(
                        "/markets/{id}/forecast",
                        WebEndpoint.of(r -> WebReply.json(
                                200,
                                Json.mapper()
                                        .createObjectNode()
                                        .put("id", r.pathParam("id"))
                                        .toString())))
                .post(
                        "/echo",
                        WebEndpoint.of(
                                r -> WebReply.text(200, "text/plain", new String(r.body(), StandardCharsets.UTF_8))));
        server = WebServer.start("test server", "127.0.0.1", 0, LIMITS, routes);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(final String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(final String path, final String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String detail(final HttpResponse<String> r) throws Exception {
        return Json.mapper().readTree(r.body()).path("detail").asText();
    }

    @Test
    void routesExactlyAndAnswersEveryErrorAsDetail() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        for (final String path : new String[] {"/health/livex", "/health/live/", "/health", "/"}) {
            final HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(detail(r)).startsWith("not found");
        }
        final HttpResponse<String> wrongMethod = post("/health/live", "");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        assertThat(detail(wrongMethod)).isEqualTo("method not allowed: POST");
    }

    @Test
    void decodesAVariableSegmentAndRefusesABadEscapeWithA400() throws Exception {
        assertThat(Json.mapper()
                        .readTree(get("/markets/pm%3Aa%20b/forecast").body())
                        .path("id")
                        .asText())
                .isEqualTo("pm:a b");
        // the JDK's client refuses to send such a path, so a raw socket does
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream()
                    .write("GET /markets/%ZZ/forecast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            final String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400 ")
                    .contains("Content-Type: application/json")
                    .contains("{\"detail\":");
        }
    }

    @Test
    void refusesABodyOverTheLimitWithA413() throws Exception {
        assertThat(post("/echo", "x".repeat(1_000)).body()).hasSize(1_000);
        final HttpResponse<String> big = post("/echo", "x".repeat(2_000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(detail(big)).isNotBlank();
    }

    @Test
    void unfinishedRequestsOnMoreConnectionsThanThreadsDoNotHoldTheServer() throws Exception {
        final List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                final Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream()
                        .write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                held.add(s);
            }
            // twenty half-sent requests against six threads: a request still gets its answer (5 s client timeout)
            assertThat(get("/health/live").statusCode()).isEqualTo(200);
        } finally {
            for (final Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void closesAConnectionWhoseBodyNeverArrivesAfterTheIdleTimeout() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(30_000);
            final OutputStream out = s.getOutputStream();
            out.write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(10))
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server gives up on the body after its 1 s idle timeout: a 408, then it closes the connection
            final InputStream in = s.getInputStream();
            final String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer)
                    .startsWith("HTTP/1.1 408 ")
                    .endsWith("{\"detail\":\"request body not received in time\"}");
        }
    }
}
