package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.app.cli.LogRouting;
import io.tsfm.streams.evaluate.TickFile;
import io.tsfm.streams.simulate.InputDrift;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimRecord;
import io.tsfm.streams.simulate.SimulationCounts;
import io.tsfm.streams.simulate.SimulationSpec;
import io.tsfm.streams.simulate.SimulationTopic;
import io.tsfm.streams.simulate.SimulatorProducer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.logging.log4j.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Feeds simulated prediction-market ticks into a Kafka topic, ending at the current time so the broker
 * accepts and keeps them. Exit codes ({@link ExitCodes}): 0 done, 1 delivery failed, 2 bad argument,
 * 3 broker unreachable.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Send deterministic simulated market ticks (event time ending now) to a Kafka topic.")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            defaultValue = "127.0.0.1:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "market-ticks",
            description = "Topic to write ticks to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--partitions",
            defaultValue = "6",
            description = "Partitions when the topic is created (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--markets", defaultValue = "50", description = "Number of markets (default: ${DEFAULT-VALUE}).")
    int markets;

    @Option(
            names = "--hours",
            defaultValue = "26",
            description = "Hours of event time, ending now (default: ${DEFAULT-VALUE}).")
    double hours;

    @Option(
            names = "--speed",
            defaultValue = "0",
            converter = SpeedConverter.class,
            description =
                    "Event time runs this many times faster than wall time; 0 or 'max' = as fast as possible (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--malformed-rate",
            defaultValue = "0.0",
            description = "Share of malformed records, 0..1 (default: ${DEFAULT-VALUE}).")
    double malformedRate;

    @Option(
            names = "--drift-at",
            description = "Inject input drift from this point: an instant (2026-11-22T10:00:00Z) or an offset from the "
                    + "start of the span (20h, 90m, PT20H). Off by default.")
    String driftAt;

    @Option(
            names = "--drift-level",
            description = "With --drift-at: logit shift of every market at the drift (default: "
                    + InputDrift.DEFAULT_LEVEL_SHIFT + ").")
    Double driftLevel;

    @Option(
            names = "--drift-volatility",
            description = "With --drift-at: factor on every market's volatility after the drift (default: "
                    + InputDrift.DEFAULT_VOLATILITY_FACTOR + ").")
    Double driftVolatility;

    @Option(
            names = "--drift-bucket",
            description = "With --drift-at: only markets of this liquidity bucket (high, mid, low) drift "
                    + "(default: every market).")
    String driftBucket;

    @Option(
            names = "--timeout",
            defaultValue = "30",
            description = "Seconds to wait for the broker (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(
            names = "--from-file",
            paramLabel = "FILE",
            description = "Send the ticks of a history file instead "
                    + "(one market-ticks JSON record per line, plain, .xz or .gz, as evaluate --ticks reads it), with their "
                    + "own event times as record timestamps, in event-time order; lines the stream would reject are left "
                    + "out. Old ticks need --retention-ms -1.")
    Path fromFile;

    @Option(
            names = "--retention-ms",
            description = "retention.ms of the topic when it is created (-1: keep every "
                    + "record; default: the broker's, 7 days, which deletes older ticks at once).")
    Long retentionMs;

    @Override
    public Integer call() {
        if (fromFile != null) {
            return sendFile();
        }
        final SimulationSpec simulation = validatedSpec();
        return send(new MarketSimulator(simulation), simulation.start(), (counts, seconds) -> {
            final PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "simulate: sent %d ticks (%d malformed) for %d markets, event time %s to %s, to %s at %s in %.1f s%n",
                    counts.ticks(),
                    counts.malformed(),
                    markets,
                    simulation.start(),
                    simulation.end(),
                    topic,
                    bootstrapServers,
                    seconds);
            if (simulation.drift() != null) {
                out.printf(
                        Locale.ROOT,
                        "simulate: input drift from %s (logit level %+.2f, volatility x%.2f)%n",
                        simulation.driftAt().orElseThrow(),
                        simulation.drift().levelShift(),
                        simulation.drift().volatilityFactor());
            }
        });
    }

    /**
     * Creates the topic when it is missing, sends {@code records} (event time from {@code start}) and hands
     * the counts and the seconds it took to {@code report}; exit code 3 when the broker cannot be reached, 1
     * when a record cannot be delivered.
     */
    private int send(
            final Iterable<SimRecord> records, final Instant start, final BiConsumer<SimulationCounts, Double> report) {
        // the admin client warns on every reconnect attempt; a broker that does not answer gets one line of ours
        try (LogRouting.Restore quiet = LogRouting.raise(LogRouting.KAFKA_NETWORK_CLIENT, Level.ERROR)) {
            SimulationTopic.ensureExists(
                    bootstrapServers, topic, partitions, retentionMs, Duration.ofSeconds(timeoutSeconds));
        } catch (final IllegalStateException | KafkaException e) {
            return fail(ExitCodes.UNAVAILABLE, e);
        }
        final long started = System.nanoTime();
        final SimulationCounts counts;
        try (SimulatorProducer producer = SimulatorProducer.connect(bootstrapServers)) {
            counts = producer.send(records, start, topic, speed);
        } catch (final IllegalStateException | KafkaException e) {
            return fail(ExitCodes.FAILED, e);
        }
        report.accept(counts, (System.nanoTime() - started) / 1e9);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private int sendFile() {
        require(partitions >= 1, "--partitions must be at least 1: " + partitions);
        require(Files.isRegularFile(fromFile), "--from-file: no such file: " + fromFile);
        final List<SimRecord> records;
        try {
            records = TickFile.records(fromFile);
        } catch (final IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "--from-file: cannot read " + fromFile + ": " + e.getMessage());
        }
        require(!records.isEmpty(), "--from-file: no valid tick in " + fromFile);
        final Instant first = Instant.ofEpochMilli(records.get(0).timestampMs());
        final Instant last =
                Instant.ofEpochMilli(records.get(records.size() - 1).timestampMs());
        return send(
                records,
                first,
                (counts, seconds) -> spec.commandLine()
                        .getOut()
                        .printf(
                                Locale.ROOT,
                                "simulate: sent %d ticks of %s, event time %s to %s, to %s at %s in %.1f s%n",
                                counts.ticks(),
                                fromFile.getFileName(),
                                first,
                                last,
                                topic,
                                bootstrapServers,
                                seconds));
    }

    private int fail(final int exitCode, final Exception e) {
        final PrintWriter err = spec.commandLine().getErr();
        err.println("simulate: " + e.getMessage());
        err.flush();
        return exitCode;
    }

    private SimulationSpec validatedSpec() {
        require(
                markets >= 1 && markets <= SimulationSpec.MAX_MARKETS,
                "--markets must be in [1, " + SimulationSpec.MAX_MARKETS + "]: " + markets);
        // the broker deletes records older than the default 7-day retention
        require(hours > 0 && hours < 168, "--hours must be in (0, 168): " + hours);
        require(malformedRate >= 0.0 && malformedRate <= 1.0, "--malformed-rate must be in [0, 1]: " + malformedRate);
        require(partitions >= 1, "--partitions must be at least 1: " + partitions);
        require(timeoutSeconds >= 1, "--timeout must be at least 1 second: " + timeoutSeconds);
        require(!topic.isBlank(), "--topic must not be blank");
        require(!bootstrapServers.isBlank(), "--bootstrap-servers must not be blank");
        final Duration span = Duration.ofMillis(Math.round(hours * 3_600_000.0));
        final SimulationSpec simulation =
                SimulationSpec.endingNow(seed, markets, span, Clock.systemUTC()).withMalformedRate(malformedRate);
        return simulation.withDrift(validatedDrift(simulation));
    }

    private InputDrift validatedDrift(final SimulationSpec simulation) {
        if (driftAt == null) {
            require(
                    driftLevel == null && driftVolatility == null && driftBucket == null,
                    "--drift-level, --drift-volatility and --drift-bucket need --drift-at");
            return null;
        }
        final Duration offset;
        try {
            offset = InputDrift.parseOffset(driftAt, simulation.start());
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--drift-at: " + e.getMessage());
        }
        require(
                !offset.isNegative() && offset.compareTo(simulation.span()) < 0,
                "--drift-at must fall inside the simulated span " + simulation.start() + " .. " + simulation.end()
                        + ": " + driftAt);
        final double level = driftLevel == null ? InputDrift.DEFAULT_LEVEL_SHIFT : driftLevel;
        final double volatility = driftVolatility == null ? InputDrift.DEFAULT_VOLATILITY_FACTOR : driftVolatility;
        require(Double.isFinite(level), "--drift-level must be finite: " + level);
        require(
                volatility > 0.0 && Double.isFinite(volatility),
                "--drift-volatility must be a finite number > 0: " + volatility);
        require(
                driftBucket == null || List.of("high", "mid", "low").contains(driftBucket),
                "--drift-bucket is high, mid or low, not " + driftBucket);
        return new InputDrift(offset, level, volatility, driftBucket);
    }

    private void require(final boolean condition, final String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /** Reads {@code --speed}: a finite number >= 0, or "max" for as fast as possible. */
    static final class SpeedConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(final String value) {
            if ("max".equalsIgnoreCase(value.trim())) {
                return 0.0;
            }
            final double parsed;
            try {
                parsed = Double.parseDouble(value.trim());
            } catch (final NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number or 'max'");
            }
            if (!(parsed >= 0.0) || Double.isInfinite(parsed)) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be a finite number >= 0 or 'max'");
            }
            return parsed;
        }
    }
}
