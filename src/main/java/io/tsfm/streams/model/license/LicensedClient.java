package io.tsfm.streams.model.license;

import io.tsfm.streams.domain.ModelAvailability;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.ModelClient;
import io.tsfm.streams.model.SeriesInput;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A model client that answers {@link #availability()} with its model's licence state first, so the gates send
 * a model whose licence is not yet read (or was refused after start-up) to the baseline; everything else is the
 * wrapped client's.
 */
public final class LicensedClient implements ModelClient {
    private final ModelClient client;
    private final Supplier<ModelLicences.State> licence;

    public LicensedClient(final ModelClient client, final Supplier<ModelLicences.State> licence) {
        this.client = client;
        this.licence = licence;
    }

    @Override
    public ModelAvailability availability() {
        return switch (licence.get()) {
            case UNVERIFIED -> ModelAvailability.LICENCE_UNVERIFIED;
            case REFUSED -> ModelAvailability.LICENCE_REFUSED;
            case VERIFIED -> client.availability();
        };
    }

    @Override
    public Optional<CompletableFuture<BatchResult>> trySubmit(final List<SeriesInput> series) {
        return client.trySubmit(series);
    }

    @Override
    public boolean slotFree() {
        return client.slotFree();
    }

    @Override
    public String breakerState() {
        return client.breakerState();
    }

    @Override
    public boolean breakerOpen() {
        return client.breakerOpen();
    }

    @Override
    public String modelName() {
        return client.modelName();
    }

    @Override
    public void close() {
        client.close();
    }
}
