package io.tsfm.streams.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.cli.Main;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code backtest} on a real broker and the local forecaster's statistical model ends with the score table. */
class BacktestIT {
    private static final List<String> MARKETS = List.of("m-b1", "m-b2");

    @TempDir
    Path tmp;

    @Test
    void replaysARangeWithAnotherModelAndPrintsItsScoreTable() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                        .dataDir(tmp.resolve("kafka"))
                        .start();
                LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.ephemeral())) {
            broker.createTopics(2, ItSupport.APP_TOPICS);
            final Instant start = ItSupport.startHoursAgo(5);
            ItSupport.produceMinuteTicks(broker.bootstrapServers(), "market-ticks", MARKETS, start, 250);
            final Map<String, String> settings = ItSupport.appSettings(
                    broker.bootstrapServers(),
                    "backtest-live",
                    forecaster.url(),
                    tmp.resolve("state").toString());
            settings.put("min.points.for.tsfm", "8");
            final Path config = tmp.resolve("app.properties");
            Files.writeString(
                    config,
                    settings.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("\n")));
            final Instant from = start.plus(Duration.ofHours(1)).minusSeconds(30);
            final Instant to = from.plus(Duration.ofHours(2));

            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int code = new CommandLine(new Main())
                    .setOut(new PrintWriter(out))
                    .setErr(new PrintWriter(err))
                    .execute(
                            "backtest",
                            "--from",
                            from.toString(),
                            "--to",
                            to.toString(),
                            "--model",
                            "local-ets-damped",
                            "--config",
                            config.toString(),
                            "--output-prefix",
                            "bt-ets-");

            assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
            // 25 boundaries from .. to, two markets, every horizon realised by the ticks after --to
            assertThat(out.toString())
                    .contains("50 scored forecasts from bt-ets-tsfm-forecast-scores")
                    .contains("| runtime | model | slice | forecasts | steps | coverage served |")
                    .containsPattern("\\| tollama \\| local-ets-damped \\| all \\| \\d+ \\| \\d+ \\| 0\\.\\d{3} \\|")
                    .contains("| tollama | local-ets-damped | step 12 |");
        }
    }
}
