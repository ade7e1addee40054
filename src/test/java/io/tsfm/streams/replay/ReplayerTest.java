package io.tsfm.streams.replay;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tsfm.streams.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayerTest {

    @Test
    void namesTheBrokerThatDoesNotAnswerInsteadOfFailingWithoutAMessage() throws Exception {
        final int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nothing listens there
        }
        final AppConfig live = AppConfig.of(Map.of("bootstrap.servers", "127.0.0.1:" + port));
        final ReplayRequest request = new ReplayRequest(
                Instant.parse("2026-06-05T16:30:00Z"),
                Instant.parse("2026-06-06T16:30:00Z"),
                "bt-",
                "bt-app",
                Duration.ofHours(1),
                Duration.ofMinutes(5));
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Replayer(live, request, out, Duration.ofSeconds(1)).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no answer from the broker at 127.0.0.1:" + port + " within 1 s");
    }
}
