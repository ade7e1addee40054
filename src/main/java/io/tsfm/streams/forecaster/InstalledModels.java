package io.tsfm.streams.forecaster;

import io.tsfm.streams.forecaster.model.LocalModel;
import io.tsfm.streams.forecaster.model.ModelRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which registry models have been pulled, and when: tollama answers 404 for a model that was not
 * pulled, and clients must handle that, so the local forecaster keeps the same state.
 */
final class InstalledModels {

    private final ModelRegistry registry;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> pulledAt = new ConcurrentHashMap<>();

    InstalledModels(final ModelRegistry registry, final Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    ModelRegistry registry() {
        return registry;
    }

    /** Installs a registry model (idempotent); 404 when the registry has no such model. */
    LocalModel pull(final String name) {
        final LocalModel model = registry.find(name)
                .orElseThrow(() -> new ApiError(
                        404,
                        "model '" + name + "' is not available in the local forecaster (available: "
                                + String.join(", ", registry.names()) + ")"));
        pulledAt.putIfAbsent(name, clock.instant());
        return model;
    }

    Optional<LocalModel> find(final String name) {
        return pulledAt.containsKey(name) ? registry.find(name) : Optional.empty();
    }

    /** The installed model, or 404 "model 'x' is not installed". */
    LocalModel require(final String name) {
        return find(name).orElseThrow(() -> ApiError.notInstalled(name));
    }

    boolean isInstalled(final String name) {
        return pulledAt.containsKey(name);
    }

    Instant pulledAt(final String name) {
        return pulledAt.get(name);
    }

    /** Installed models in registry order. */
    List<LocalModel> list() {
        return registry.all().stream()
                .filter(m -> pulledAt.containsKey(m.name()))
                .toList();
    }

    /** A stable digest standing in for tollama's weights digest. */
    static String digest(final LocalModel model) {
        try {
            final byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((model.name() + "|" + model.family() + "|" + model.runner())
                            .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Our models have no weights on disk. */
    static long size(final LocalModel model) {
        return 0L;
    }
}
