package io.tsfm.streams.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log dir once (what {@code kafka-storage.sh format} does) and leaves an already
 * formatted one alone, so a restart keeps its cluster id and data. Uses {@code StorageTool.execute},
 * never {@code main}, which would exit the JVM.
 */
final class LogDirFormatter {

    private LogDirFormatter() {}

    static boolean isFormatted(final Path logDir) {
        return Files.isRegularFile(logDir.resolve("meta.properties"));
    }

    /** Formats {@code logDir} unless it already is; returns true when it formatted. */
    static boolean formatIfNeeded(final Path logDir, final Properties config, final Path configFile) {
        if (isFormatted(logDir)) {
            return false;
        }
        writeConfig(config, configFile);
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()}, out);
        } catch (final RuntimeException e) {
            throw new IllegalStateException(
                    "cannot format " + logDir + ": " + e.getMessage() + " " + output.toString(StandardCharsets.UTF_8),
                    e);
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting " + logDir + " failed with exit code " + rc + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
        return true;
    }

    private static void writeConfig(final Properties config, final Path configFile) {
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "embedded broker (written for the storage formatter)");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
    }
}
