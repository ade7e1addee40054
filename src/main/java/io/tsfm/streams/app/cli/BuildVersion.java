package io.tsfm.streams.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code -V} / {@code --version} prints for every command: the version the build wrote into the jar. */
public final class BuildVersion implements IVersionProvider {
    private static final String RESOURCE = "/io/tsfm/streams/version.properties";

    /** The build's version, {@code unknown} when the classes did not come from a Maven build. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            final Properties p = new Properties();
            p.load(in);
            final String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (final IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tsfm-streams " + version()};
    }
}
