package io.tsfm.streams.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The packaged service, {@code java -jar target/tsfm-streams-service.jar run --config FILE} (the jar the
 * production image runs), as its own process, so a test can kill it without warning (SIGKILL) the way a
 * machine failure would.
 */
final class AppProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "tsfm-streams-service.jar");
    private final Process process;

    private AppProcess(final Process process) {
        this.process = process;
    }

    static AppProcess start(final Map<String, String> settings, final Path workDir, final String name) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after `./mvnw package`");
        }
        try {
            Files.createDirectories(workDir);
            final Path config = workDir.resolve(name + ".properties");
            final Properties p = new Properties();
            p.putAll(settings);
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "written by " + AppProcess.class.getSimpleName());
            }
            final List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    JAR.toString(),
                    "run",
                    "--config",
                    config.toString()));
            final ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve(name + ".log").toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("TSFM_"));
            return new AppProcess(pb.start());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no commit, no clean close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(ItSupport.STALL.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
