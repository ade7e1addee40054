package io.tsfm.streams.demo;

import static io.tsfm.streams.config.ConfigKeys.MIN_POINTS_FOR_TSFM;
import static io.tsfm.streams.config.ConfigKeys.TOLLAMA_MODEL;
import static io.tsfm.streams.config.ConfigKeys.TOLLAMA_URL;
import static io.tsfm.streams.demo.DemoShutdown.deleteQuietly;
import static io.tsfm.streams.demo.DemoShutdown.quietly;

import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import io.tsfm.streams.metrics.MetricNames;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.license.LicenseRefusedException;
import io.tsfm.streams.model.license.ModelLicences;
import io.tsfm.streams.simulate.LiquidityClass;
import io.tsfm.streams.simulate.MarketProfile;
import io.tsfm.streams.simulate.MarketSimulator;
import io.tsfm.streams.simulate.SimulationCounts;
import io.tsfm.streams.simulate.SimulationSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Everything the one-command demo runs in one process: an embedded single-node KRaft broker on
 * 127.0.0.1, the local tollama-compatible forecaster, the processor, the market simulator replaying
 * event time faster than wall time, and a watcher printing forecasts and a summary line. Closing it
 * stops all of them and deletes the temporary data.
 */
public final class Demo implements AutoCloseable {
    private final DemoOptions options;
    private final PrintStream out;
    private final Path workDir;
    private EmbeddedKafkaBroker broker;
    private LocalForecaster forecaster;
    private TsfmApp app;
    private DemoWatcher watcher;
    private Thread watcherThread;
    private DemoSimulation simulation;
    private SimulationSpec spec;

    public Demo(final DemoOptions options, final PrintStream out) {
        this.options = options;
        this.out = out;
        try {
            this.workDir = Files.createTempDirectory("tsfm-demo-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts everything, the model server first.
     *
     * @throws LicenseRefusedException when the model's licence is not allowed or cannot be determined from the
     *                                 model server's answer (a server that cannot be asked leaves it unverified)
     */
    public Demo start() {
        final SimulationSpec plain = SimulationSpec.endingNow(
                options.seed(),
                options.markets(),
                Duration.ofMinutes(Math.round(options.hours() * 60)),
                Clock.systemUTC());
        spec = options.driftAt() == null
                ? plain
                : plain.withDrift(io.tsfm.streams.simulate.InputDrift.after(
                        io.tsfm.streams.simulate.InputDrift.parseOffset(options.driftAt(), plain.start())));
        final String modelUrl;
        final String model;
        if (options.modelUrl() == null) {
            final FaultProfile fault =
                    options.fault() == null ? FaultProfile.NONE : FaultProfile.preset(options.fault());
            forecaster = LocalForecaster.start(
                    LocalForecasterOptions.builder().port(0).faultProfile(fault).build());
            modelUrl = forecaster.url();
            model = options.model() != null ? options.model() : ModelRegistry.DEFAULT_MODEL;
            out.println("demo: local tollama-compatible forecaster at " + modelUrl + " (model " + model
                    + (options.fault() == null ? "" : ", fault profile " + options.fault()) + ")");
        } else {
            modelUrl = options.modelUrl();
            model = options.model() != null ? options.model() : "chronos2";
            out.println("demo: using tollama at " + modelUrl + " (model " + model + ")");
        }
        // the processor's licence check, before the broker starts (the local models are Apache-2.0)
        final Map<String, String> licensed = new HashMap<>(options.settings());
        licensed.put(TOLLAMA_URL, modelUrl);
        licensed.put(TOLLAMA_MODEL, model);
        final ModelLicences licences = ModelLicences.check(AppConfig.of(licensed));
        final String bootstrap;
        if (options.bootstrapServers() == null) {
            broker = EmbeddedKafkaBroker.builder()
                    .dataDir(workDir.resolve("kafka"))
                    .partitions(3)
                    .start();
            bootstrap = broker.bootstrapServers();
            out.println("demo: embedded Kafka broker (KRaft) at " + bootstrap);
        } else {
            bootstrap = options.bootstrapServers();
            out.println("demo: using Kafka at " + bootstrap);
        }
        final Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put("application.id", "tsfm-demo");
        settings.put("tollama.url", modelUrl);
        settings.put("tollama.model", model);
        settings.put("topics.create.missing", "true");
        settings.put("topics.partitions", "3");
        settings.put("state.dir", workDir.resolve("state").toString());
        settings.put("commit.interval.ms", "200");
        settings.put("ops.port", Integer.toString(options.opsPort()));
        settings.putAll(options.settings());
        final AppConfig config = AppConfig.of(settings);
        try {
            TopicSetup.ensure(config);
        } catch (final RuntimeException e) {
            licences.close();
            throw e;
        }
        app = new TsfmApp(config, licences).start();
        out.println(
                "demo: processor started (application.id tsfm-demo, exactly_once_v2); ops endpoints on http://127.0.0.1:"
                        + app.opsPort() + "/metrics, /health/ready, /topology, /markets/{id}/forecast");

        final Set<String> watched = new HashSet<>(options.watch().isEmpty() ? sampleMarkets(spec) : options.watch());
        watcher = new DemoWatcher(
                bootstrap,
                Map.of(
                        "ticks",
                        config.getString("topic.ticks"),
                        "forecasts",
                        config.getString("topic.forecasts"),
                        "fallbacks",
                        config.getString("topic.fallbacks"),
                        "dlq",
                        config.getString("topic.dlq")),
                watched,
                watched.contains("all"),
                out);
        watcherThread = new Thread(watcher, "demo-watcher");
        watcherThread.setDaemon(true);
        watcherThread.start();

        out.printf(
                "demo: simulating %d markets over %.1f h of event time (%s .. %s) at %sx%n",
                options.markets(),
                options.hours(),
                spec.start(),
                spec.end(),
                options.speed() == 0 ? "max" : options.speed());
        out.println(warmUpNote(config.getInt(MIN_POINTS_FOR_TSFM), config.step(), options.speed()));
        simulation = new DemoSimulation(bootstrap, spec, config.getString("topic.ticks"), options.speed());
        simulation.start();
        return this;
    }

    /**
     * Prints a summary line every interval until the simulation is over and the output has settled
     * (then returns when {@code exitWhenDone}), or until interrupted.
     *
     * @return true when the simulation completed
     */
    public boolean awaitCompletion() throws InterruptedException {
        long lastCount = -1;
        int stableRounds = 0;
        boolean announced = false;
        while (true) {
            Thread.sleep(options.summaryIntervalMs()); // pacing of a console line, not synchronisation
            out.println(watcher.summary(app.client().breakerState()));
            final Throwable failure = simulation.failure();
            if (failure != null) {
                out.println("demo: the simulator failed: " + failure.getMessage());
                return false;
            }
            if (app.streams().state() == KafkaStreams.State.ERROR) {
                out.println("demo: the processor failed; see the log");
                return false;
            }
            final SimulationCounts simulated = simulation.simulated();
            if (simulated != null) {
                if (!announced) {
                    out.println("demo: simulation finished: " + simulated.ticks() + " ticks sent");
                    announced = true;
                }
                if (options.exitWhenDone() && allProcessed(simulated)) {
                    final long count = watcher.forecasts();
                    stableRounds = count == lastCount ? stableRounds + 1 : 0;
                    lastCount = count;
                    if (stableRounds >= 2) {
                        return true;
                    }
                }
            }
        }
    }

    /**
     * Says once why the first forecasts are all baselines: a market needs {@code minPoints} points, one per
     * step, before the model is asked, which takes {@code minPoints * step / speed} of wall time.
     */
    static String warmUpNote(final int minPoints, final Duration step, final double speed) {
        final Duration eventTime = step.multipliedBy(minPoints);
        final String wait = speed == 0
                ? "a few seconds at full speed"
                : String.format(
                        java.util.Locale.ROOT,
                        "about %d s at %sx",
                        Math.round(eventTime.toSeconds() / speed),
                        speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed));
        return "demo: the baseline answers (reason too_few_points) until a market has " + minPoints + " "
                + (step.equals(Duration.ofMinutes(5)) ? "five-minute" : step.toMinutes() + "-minute") + " points ("
                + eventTime.toMinutes() + " min of event time, " + wait + "); then the model takes over";
    }

    /** Two liquid markets, one mid and one illiquid: the model's forecasts and the baseline's side by side. */
    static java.util.List<String> sampleMarkets(final SimulationSpec spec) {
        final java.util.List<String> out = new java.util.ArrayList<>();
        final Map<LiquidityClass, Integer> wanted =
                new java.util.EnumMap<>(Map.of(LiquidityClass.HIGH, 2, LiquidityClass.MID, 1, LiquidityClass.LOW, 1));
        for (final MarketProfile m : new MarketSimulator(spec).markets()) {
            final int left = wanted.getOrDefault(m.liquidity(), 0);
            if (left > 0) {
                out.add(m.marketId());
                wanted.put(m.liquidity(), left - 1);
            }
        }
        return out;
    }

    /** Every simulated tick has been processed (valid or DLQ) and no model job is open. */
    private boolean allProcessed(final SimulationCounts simulated) {
        final TsfmMetrics m = app.metrics();
        return m.total(MetricNames.TICKS) + m.total(MetricNames.DLQ) >= simulated.ticks()
                && m.pendingJobs() == 0
                && m.runningCycles() == 0;
    }

    public DemoWatcher watcher() {
        return watcher;
    }

    @Override
    public void close() {
        if (simulation != null) {
            quietly(simulation::stop);
        }
        if (watcher != null) {
            watcher.stop();
        }
        // each part is closed even when an earlier one fails, and the data is always removed
        if (app != null) {
            quietly(app::close);
        }
        if (forecaster != null) {
            quietly(forecaster::close);
        }
        if (broker != null) {
            quietly(broker::close);
        }
        deleteQuietly(workDir);
        out.println("demo: stopped; temporary data removed");
    }
}
