package io.tsfm.streams.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application in a JVM of its own ({@code run --config FILE} from this very jar), as a
 * deployment runs it; the scale scenario starts several and reads each one's {@code /metrics}.
 */
final class InstanceProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Instances not closed yet: a bench JVM that dies (Ctrl-C, an error) does not leave them running. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "bench-instances-stop"));
    }

    private final Process process;
    private final URI metrics;
    private final Path log;

    private InstanceProcess(final Process process, final int port, final Path log) {
        this.process = process;
        this.metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
        this.log = log;
    }

    /** Starts {@code run} with these settings (and an ops port of its own) in {@code dir}. */
    static InstanceProcess start(final Map<String, String> settings, final Path dir, final int heapMb) {
        try {
            final int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            final Properties p = new Properties();
            p.putAll(settings);
            p.put("ops.bind", "127.0.0.1");
            p.put("ops.port", Integer.toString(port));
            p.put("state.dir", dir.resolve("state").toString());
            final Path config = dir.resolve("app.properties");
            try (var out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                p.store(out, "bench scale instance");
            }
            final Path log = dir.resolve("app.log");
            final ProcessBuilder pb = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx" + heapMb + "m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "io.tsfm.streams.cli.Main",
                            "run",
                            "--config",
                            config.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TSFM_"));
            final Process process = pb.start();
            RUNNING.add(process);
            return new InstanceProcess(process, port, log);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean failed() {
        return !process.isAlive();
    }

    /**
     * The sum of every sample of {@code name} (all label sets) on the instance's {@code /metrics}; 0 if absent.
     *
     * @throws IllegalStateException when three scrapes in a row fail: a figure read as 0 would be wrong
     */
    double sample(final String name) {
        for (int attempt = 0; attempt < 3; attempt++) {
            final String text = scrape();
            if (!text.isEmpty()) {
                return Exposition.sum(text, name);
            }
        }
        throw new IllegalStateException("cannot read " + metrics + (failed() ? " (the instance exited)" : ""));
    }

    /** The instance's {@code /metrics} text; empty while its server is not up yet. */
    String scrape() {
        try {
            final HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(metrics)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : "";
        } catch (final IOException e) {
            return "";
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The last lines of the instance's log, for a failure message. */
    String logTail() {
        try {
            final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (final IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the app closes Kafka Streams cleanly
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        RUNNING.remove(process);
    }

    /** Sums of samples in a Prometheus text exposition. */
    static final class Exposition {
        private Exposition() {}

        static double sum(final String text, final String name) {
            double total = 0;
            for (final String line : text.split("\n", -1)) {
                if (line.startsWith(name)
                        && line.length() > name.length()
                        && (line.charAt(name.length()) == '{' || line.charAt(name.length()) == ' ')) {
                    final String value = line.substring(line.lastIndexOf(' ') + 1);
                    try {
                        final double v = Double.parseDouble(value);
                        total += Double.isNaN(v) ? 0 : v;
                    } catch (final NumberFormatException e) {
                        // not a sample line
                    }
                }
            }
            return total;
        }
    }
}
