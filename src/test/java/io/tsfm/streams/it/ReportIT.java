package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.cli.Main;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.ForecastRecord;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.json.Json;
import io.tsfm.streams.simulate.InputDrift;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.simulate.SimulationSpec;
import io.tsfm.streams.simulate.SimulatorProducer;
import io.tsfm.streams.stream.serde.ForecastRecordSerde;
import io.tsfm.streams.stream.serde.ForecastScoreSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operational report on a real run: 120 simulated markets through the processor on a real broker and a
 * real local forecaster; halfway, the forecaster's answers are degraded (its fault profile's quantile shift)
 * and the inputs of the mid-liquidity markets drift. {@code report} over the second half must find the model
 * regression where the inputs are stable and the input drift where they drifted, and nothing else.
 */
class ReportIT {
    private static final Duration STEP = Duration.ofMinutes(5);
    /** Enough markets per segment (about 36 high, 48 mid, 36 low) that their inputs' PSI is not noise. */
    private static final int MARKETS = 120;
    /** The partitions of every topic (ItSupport.APP_TOPICS are created with two). */
    private static final List<Integer> PARTITIONS = List.of(0, 1);

    @TempDir
    Path tmp;

    @Test
    void findsTheDegradedModelAndTheDriftedSegmentAndNothingElse() throws Exception {
        final Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(8));
        final Instant from = start.plus(Duration.ofHours(1));
        final Instant mid = from.plus(Duration.ofHours(3));
        final Instant to = mid.plus(Duration.ofHours(3));
        // ticks go on for the horizon after the last boundary, so its forecasts are scored
        final SimulationSpec spec = new SimulationSpec(7, MARKETS, start, to.plus(Duration.ofMinutes(70)))
                .withDrift(new InputDrift(Duration.between(start, mid), 1.5, 4.0, "mid"))
                .withMalformedRate(0.002);
        final List<SimRecord> firstHalf = new ArrayList<>();
        final List<SimRecord> secondHalf = new ArrayList<>();
        StreamSupport.stream(new MarketSimulator(spec).spliterator(), false)
                .forEach(r -> (r.timestampMs() < mid.toEpochMilli() ? firstHalf : secondHalf).add(r));

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final String bootstrap = broker.bootstrapServers();
            final Map<String, String> settings = ItSupport.appSettings(
                    bootstrap,
                    "report-it",
                    forecaster.url(),
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "4");
            try (TsfmApp app = new TsfmApp(AppConfig.of(settings)).start();
                    SimulatorProducer producer = SimulatorProducer.connect(bootstrap)) {
                producer.send(firstHalf, start, "market-ticks", 0.0);
                final String lastBefore = mid.minus(STEP).toString();
                final String oneEarlier = mid.minus(STEP.multipliedBy(2)).toString();
                // every forecast of the first half is out before the model degrades: each partition is written by
                // one stream task, and tasks run through event time each at its own pace
                ItSupport.readUntil(
                        bootstrap,
                        "tsfm-forecasts",
                        new ForecastRecordSerde().deserializer(),
                        l -> PARTITIONS.stream().allMatch(p -> {
                            final long last = count(l, p, lastBefore);
                            return last > 0 && last >= count(l, p, oneEarlier);
                        }));
                forecaster
                        .faults()
                        .set(FaultProfile.builder().quantileShift(1.0).build());
                producer.send(secondHalf, mid, "market-ticks", 0.0);
                final String lastBoundary = to.minus(STEP).toString();
                ItSupport.readUntil(
                        bootstrap,
                        "tsfm-forecast-scores",
                        new ForecastScoreSerde().deserializer(),
                        l -> PARTITIONS.stream()
                                .allMatch(p -> l.stream()
                                        .anyMatch(r -> r.partition() == p
                                                && r.value().asOfTs().equals(lastBoundary))));
            }

            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int exit = Main.commandLine()
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err))
                    .execute(
                            "report",
                            "--from",
                            mid.toString(),
                            "--to",
                            to.toString(),
                            "--out",
                            tmp.resolve("report").toString(),
                            "--set",
                            "bootstrap.servers=" + bootstrap);
            assertThat(err.toString()).isEmpty();
            assertThat(exit).isZero();
            assertThat(out.toString()).startsWith("report: " + mid + " .. " + to + ": health ");

            final JsonNode report =
                    Json.mapper().readTree(tmp.resolve("report/report.json").toFile());
            final List<JsonNode> findings = new ArrayList<>();
            report.path("findings").forEach(findings::add);
            final String markdown = Files.readString(tmp.resolve("report/report.md"));
            // the model degraded everywhere; the mid segment's inputs drifted too, so there the inputs are not
            // stable and the cause is the drift; low markets are served by the baseline only (the default
            // baseline.only.liquidity.bucket), which neither fault touched
            assertThat(findings)
                    .as("the findings of the report:%n%s", markdown)
                    .extracting(
                            f -> f.path("model").asText(),
                            f -> f.path("segment").asText(),
                            f -> f.path("cause").asText())
                    .contains(tuple("mock", "high", "model regression"), tuple("mock", "mid", "input drift"))
                    .allSatisfy(f -> assertThat(f.toList())
                            .isIn(
                                    List.of("mock", "high", "model regression"),
                                    List.of("mock", "mid", "input drift"),
                                    List.of("empirical_baseline", "mid", "input drift")));
            final Map<String, Double> worstPsi = new TreeMap<>();
            report.path("input_drift")
                    .forEach(r -> worstPsi.merge(
                            r.path("segment").asText(), r.path("psi").asDouble(), Math::max));
            assertThat(worstPsi.get("mid")).isGreaterThan(0.2);
            assertThat(worstPsi.get("high")).isLessThan(0.2);
            assertThat(worstPsi.get("low")).isLessThan(0.2);
            assertThat(report.path("health")
                            .path("deductions")
                            .path("regressions")
                            .asDouble())
                    .isEqualTo(10.0 * findings.size());
            // the malformed ticks (the same share in both halves) are counted, and are no data problem
            assertThat(report.path("forecasts").path("current").path("dlq").asLong())
                    .isPositive();
            assertThat(report.path("forecasts").path("dlq_reasons")).isNotEmpty();
            assertThat(markdown).contains("MODEL REGRESSION on mock / high").contains("INPUT DRIFT on mock / mid");
            assertThat(tmp.resolve("report/report.html")).isNotEmptyFile();
            assertThat(tmp.resolve("report/latency.png")).isNotEmptyFile();
        }
    }

    private static long count(
            final List<ConsumerRecord<String, ForecastRecord>> forecasts, final int partition, final String asOf) {
        return forecasts.stream()
                .filter(r -> r.partition() == partition && r.value().asOfTs().equals(asOf))
                .count();
    }
}
