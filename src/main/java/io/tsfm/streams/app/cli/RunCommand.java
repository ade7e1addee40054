package io.tsfm.streams.app.cli;

import io.tsfm.streams.app.TopicSetup;
import io.tsfm.streams.app.TsfmApp;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.model.license.LicenseRefusedException;
import io.tsfm.streams.model.license.ModelLicences;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.logging.log4j.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tsfm-streams run}: the processor against an existing Kafka cluster and tollama. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the forecasting processor against an existing Kafka cluster and tollama server.")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigFileOption configFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter err = spec.commandLine().getErr();
        final AppConfig config;
        try {
            config = configFile.load();
        } catch (final ConfigException e) {
            err.println("Configuration error: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        final ModelLicences licences;
        try {
            licences = ModelLicences.check(config);
        } catch (final LicenseRefusedException e) {
            err.println(e.getMessage());
            return ExitCodes.LICENSE_REFUSED;
        }
        // the admin client warns on every reconnect attempt; one line of our own says what start-up waits for
        try (LogRouting.Restore quiet = LogRouting.raise(LogRouting.KAFKA_NETWORK_CLIENT, Level.ERROR)) {
            TopicSetup.ensure(config, err::println);
        } catch (final IllegalStateException e) {
            licences.close();
            err.println("Start-up error: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        try (TsfmApp app = new TsfmApp(config, licences)) {
            app.streams().setStateListener((now, before) -> {
                LOG.info("streams state {} -> {}", before, now);
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stopped.countDown();
                }
            });
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                app.close();
                                stopped.countDown();
                            },
                            "tsfm-shutdown"));
            app.start();
            LOG.info(
                    "tsfm-streams running: application.id={}, tollama={} model={}",
                    config.getString("application.id"),
                    config.getString("tollama.url"),
                    app.client().modelName());
            stopped.await();
            return app.streams().state() == KafkaStreams.State.ERROR ? ExitCodes.FAILED : ExitCodes.OK;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        }
    }
}
