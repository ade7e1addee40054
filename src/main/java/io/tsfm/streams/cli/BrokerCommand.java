package io.tsfm.streams.cli;

import io.tsfm.streams.app.cli.ExitCodes;
import io.tsfm.streams.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tsfm-streams broker}: a single-node KRaft broker in this JVM, for local walkthroughs (the rollout
 * runbook on a laptop) where the demo's throw-away broker is not enough; not for production.
 */
@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker (KRaft, in this JVM) on 127.0.0.1 until Ctrl-C, keeping its "
                + "data in --data-dir: for local walkthroughs, not for production.")
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", required = true, description = "Directory of the broker's logs; reused on restart.")
    Path dataDir;

    @Option(
            names = "--partitions",
            defaultValue = "3",
            description = "Default partitions of new topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (port != 0) {
            // a port that is taken is one line and exit 2 (CliErrors), before the broker logs its own stack traces
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound: the port is free; closing the probe hands it to the broker
            } catch (final BindException e) {
                throw new IOException("cannot bind the broker to 127.0.0.1:" + port, e);
            }
        }
        final EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.builder()
                    .dataDir(dataDir)
                    .brokerPort(port)
                    .partitions(partitions)
                    .start();
        } catch (final RuntimeException e) {
            spec.commandLine().getErr().println("Cannot start the broker: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "broker-shutdown"));
        spec.commandLine()
                .getOut()
                .println("broker: Kafka (KRaft) at " + broker.bootstrapServers() + ", data in " + dataDir
                        + "; Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
