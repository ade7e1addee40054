package io.tsfm.streams.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.cli.SimulateCommand;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

    private static EmbeddedKafkaBroker broker;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startTemporary();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void itCreatesTheTopicAndReportsHowManyTicksItSent() throws Exception {
        // ticks are placed relative to the span's start, so any 1 h span of seed 42 has the same count
        final Instant anyStart = Instant.parse("2026-01-01T00:00:00Z");
        final long expected = new MarketSimulator(
                        new SimulationSpec(42, 5, anyStart, anyStart.plus(Duration.ofHours(1))))
                .stream().count();

        final int exitCode = run(
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                "cli-ticks",
                "--partitions",
                "2",
                "--markets",
                "5",
                "--hours",
                "1",
                "--speed",
                "max");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).startsWith("simulate: sent " + expected + " ticks (0 malformed) for 5 markets");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeTopics(List.of("cli-ticks"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get("cli-ticks")
                            .partitions())
                    .hasSize(2);
        }
    }

    @Test
    void sendsAHistoryFileInEventTimeOrderWithItsOwnTimestampsToATopicThatKeepsThem() throws Exception {
        final Path file = Files.createTempFile("history", ".jsonl");
        Files.writeString(file, """
                {"market_id":"b","ts":"2020-07-11T03:00:00Z","p_yes":0.41}
                {"market_id":"a","ts":"2020-07-11T02:00:00Z","p_yes":0.40}
                not json
                {"market_id":"a","ts":"2020-07-11T04:00:00Z","p_yes":0.42}""");

        final int exitCode = run(
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                "cli-history",
                "--partitions",
                "1",
                "--retention-ms",
                "-1",
                "--from-file",
                file.toString());

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .startsWith("simulate: sent 3 ticks of " + file.getFileName()
                        + ", event time 2020-07-11T02:00:00Z to 2020-07-11T04:00:00Z, to cli-history");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "cli-history")))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .values()
                            .iterator()
                            .next()
                            .get("retention.ms")
                            .value())
                    .isEqualTo("-1");
        }
        final Map<String, Object> consumer = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.GROUP_ID_CONFIG,
                "cli-history-check");
        final List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("cli-history"));
            while (read.size() < 3) {
                c.poll(Duration.ofMillis(200))
                        .forEach(r -> read.add(r.key() + "@" + Instant.ofEpochMilli(r.timestamp())));
            }
        }
        assertThat(read).containsExactly("a@2020-07-11T02:00:00Z", "b@2020-07-11T03:00:00Z", "a@2020-07-11T04:00:00Z");
    }

    @Test
    void aMissingHistoryFileIsAUsageError() {
        assertThat(run("--from-file", "/no/such/file.jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains("--from-file: no such file: /no/such/file.jsonl");
    }

    @Test
    void aBadArgumentIsAUsageErrorWithExitCodeTwo() {
        assertThat(run("--markets", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--markets must be in [1, 1000000]: 0");

        assertThat(run("--speed", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("'fast' is not a number or 'max'");

        assertThat(run("--malformed-rate", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--malformed-rate must be in [0, 1]: 1.5");

        assertThat(run("--hours", "200")).isEqualTo(2);
        assertThat(err.toString()).contains("--hours must be in (0, 168): 200.0");
    }

    @Test
    void aBadDriftIsAUsageErrorWithExitCodeTwo() {
        assertThat(run("--hours", "2", "--drift-at", "3h")).isEqualTo(2);
        assertThat(err.toString()).contains("--drift-at must fall inside the simulated span");

        assertThat(run("--drift-at", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--drift-at: 'soon' is not an instant");

        assertThat(run("--drift-level", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--drift-level, --drift-volatility and --drift-bucket need --drift-at");

        assertThat(run("--drift-at", "1h", "--drift-volatility", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--drift-volatility must be a finite number > 0: 0.0");
    }

    @Test
    void aDriftedSimulationSaysWhenTheDriftStarts() {
        final int exitCode = run(
                "--bootstrap-servers",
                broker.bootstrapServers(),
                "--topic",
                "cli-drift",
                "--partitions",
                "1",
                "--markets",
                "3",
                "--hours",
                "1",
                "--drift-at",
                "30m",
                "--drift-level",
                "-1");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("simulate: input drift from ")
                .contains("(logit level -1.00, volatility x4.00)");
    }

    @Test
    void anUnreachableBrokerFailsWithExitCodeThreeAfterTheTimeout() throws Exception {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        final int exitCode = run("--bootstrap-servers", "127.0.0.1:" + closedPort, "--timeout", "2");

        assertThat(exitCode).isEqualTo(3);
        assertThat(err.toString())
                .contains("simulate: no answer from the broker at 127.0.0.1:" + closedPort + " within 2 s");
    }

    private int run(final String... args) {
        final CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
