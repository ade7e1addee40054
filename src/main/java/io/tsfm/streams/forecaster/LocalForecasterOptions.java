package io.tsfm.streams.forecaster;

import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import io.tsfm.streams.ops.http.WebServer;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link LocalForecaster}: where to listen, which bearer keys to require, which models
 * are installed at start, the initial fault profile and the seed of its randomness. Build with
 * {@link #builder()}; {@link #ephemeral()} is the usual test setup (port 0, everything else default).
 *
 * @param host            bind address (default 127.0.0.1)
 * @param port            TCP port, 0 for an ephemeral one (default 11435, tollama's)
 * @param apiKeys         accepted bearer keys; empty turns auth off (default)
 * @param preloadedModels models pulled at start (default: every local model)
 * @param faultProfile    faults in force at start (default none)
 * @param seed            seed of the fault randomness (default 42)
 * @param workerThreads   HTTP worker threads (default max(4, 2 x CPUs))
 * @param extraModels     models served besides the built-in ones, installed at start (default none); tests
 *                        use it for a model with another licence, so the built-in models never misreport theirs
 */
public record LocalForecasterOptions(
        String host,
        int port,
        List<String> apiKeys,
        List<String> preloadedModels,
        FaultProfile faultProfile,
        long seed,
        int workerThreads,
        List<LocalModel> extraModels) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 11435;
    public static final long DEFAULT_SEED = 42L;

    public LocalForecasterOptions {
        Objects.requireNonNull(host, "host");
        apiKeys = List.copyOf(apiKeys);
        preloadedModels = List.copyOf(preloadedModels);
        extraModels = List.copyOf(extraModels);
        Objects.requireNonNull(faultProfile, "faultProfile");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be >= 1: " + workerThreads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults on an ephemeral port: what tests want. */
    /**
     * The HTTP server's limits: the worker threads plus Jetty's own, a 30 s idle timeout (a request whose
     * headers or body stop arriving is dropped), headers up to 64 KiB; bodies are limited by the forecast
     * endpoints themselves (10 MB, tollama's 413), so the server's own cap sits above that.
     */
    public WebServer.Limits httpLimits() {
        return new WebServer.Limits(Math.max(4, workerThreads) + 4, IDLE_TIMEOUT_MS, 64L * 1024 * 1024, 64 * 1024);
    }

    /** A connection with nothing received or sent for this long is closed. */
    public static final long IDLE_TIMEOUT_MS = 30_000;

    public static LocalForecasterOptions ephemeral() {
        return builder().port(0).build();
    }

    /** Never prints the keys themselves. */
    @Override
    public String toString() {
        return "LocalForecasterOptions[host=" + host + ", port=" + port + ", apiKeys=" + apiKeys.size()
                + " key(s), preloadedModels=" + preloadedModels + ", faultProfile=" + faultProfile
                + ", seed=" + seed + ", workerThreads=" + workerThreads
                + ", extraModels=" + extraModels.stream().map(LocalModel::name).toList() + "]";
    }

    /** Fluent construction with the defaults above. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private List<String> apiKeys = List.of();
        private List<String> preloadedModels = ModelRegistry.defaults().names();
        private FaultProfile faultProfile = FaultProfile.NONE;
        private long seed = DEFAULT_SEED;
        private int workerThreads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        private List<LocalModel> extraModels = List.of();

        private Builder() {}

        public Builder host(final String v) {
            host = v;
            return this;
        }

        public Builder port(final int v) {
            port = v;
            return this;
        }

        public Builder apiKeys(final List<String> v) {
            apiKeys = v;
            return this;
        }

        public Builder preloadedModels(final List<String> v) {
            preloadedModels = v;
            return this;
        }

        public Builder faultProfile(final FaultProfile v) {
            faultProfile = v;
            return this;
        }

        public Builder seed(final long v) {
            seed = v;
            return this;
        }

        public Builder workerThreads(final int v) {
            workerThreads = v;
            return this;
        }

        public Builder extraModels(final List<LocalModel> v) {
            extraModels = v;
            return this;
        }

        public LocalForecasterOptions build() {
            return new LocalForecasterOptions(
                    host, port, apiKeys, preloadedModels, faultProfile, seed, workerThreads, extraModels);
        }
    }
}
