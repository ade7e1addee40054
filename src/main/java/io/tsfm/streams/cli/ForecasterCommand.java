package io.tsfm.streams.cli;

import io.tsfm.streams.forecaster.ApiKeys;
import io.tsfm.streams.forecaster.FaultProfile;
import io.tsfm.streams.forecaster.LocalForecaster;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams forecaster}: runs the tollama-compatible local forecaster as a standalone
 * process (for demos and benchmarks without a real tollama), until SIGTERM or Ctrl-C.
 */
@Command(
        name = "forecaster",
        mixinStandardHelpOptions = true,
        description =
                "Run the local tollama-compatible forecaster (mock, local-empirical and local-ets-damped models, fault injection).")
public final class ForecasterCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ForecasterCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "11435",
            description = "TCP port (0 = ephemeral). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Bind address. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(
            names = "--api-key-file",
            paramLabel = "FILE",
            description = "Bearer keys, one per line; also read from env " + ApiKeys.ENV + " (comma-separated). "
                    + "No keys = auth off.")
    private Path apiKeyFile;

    @Option(
            names = "--fault",
            paramLabel = "PRESET",
            defaultValue = "none",
            description =
                    "Fault preset at start: none, slow, flaky, down, hang, garbage, outage. Default: ${DEFAULT-VALUE}.")
    private String fault;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the fault randomness. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws Exception {
        final FaultProfile profile;
        try {
            profile = FaultProfile.preset(fault);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final List<String> keys = ApiKeys.load(apiKeyFile, System.getenv(ApiKeys.ENV));
        final LocalForecaster forecaster = LocalForecaster.start(LocalForecasterOptions.builder()
                .host(host)
                .port(port)
                .apiKeys(keys)
                .faultProfile(profile)
                .seed(seed)
                .build());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            forecaster.close();
                            stopped.countDown();
                        },
                        "forecaster-shutdown"));
        LOG.info(
                "forecaster ready at {} with models {} (fault preset '{}'); Ctrl-C to stop",
                forecaster.url(),
                forecaster.installedModels(),
                fault);
        stopped.await();
        return 0;
    }
}
