package io.tsfm.streams.forecaster.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models this forecaster knows about (tollama's "available" list), so that pull, tags, show and
 * forecast all agree on names, families and licences.
 */
public final class ModelRegistry {
    /** The model the local forecaster's users get unless they name another: the demo's, compose's, evaluate's. */
    public static final String DEFAULT_MODEL = LocalEmpiricalModel.NAME;

    private final List<LocalModel> models;

    public ModelRegistry(final List<LocalModel> models) {
        this.models = List.copyOf(models);
    }

    /** The built-in models: {@code mock}, {@code local-empirical} and {@code local-ets-damped}. */
    public static ModelRegistry defaults() {
        return new ModelRegistry(List.of(new MockModel(), new LocalEmpiricalModel(), new LocalEtsDampedModel()));
    }

    /** This registry plus {@code extra} models, after its own; a name already taken is refused. */
    public ModelRegistry with(final List<LocalModel> extra) {
        final List<LocalModel> all = new ArrayList<>(models);
        for (final LocalModel m : extra) {
            if (all.stream().anyMatch(known -> known.name().equals(m.name()))) {
                throw new IllegalArgumentException("model name '" + m.name() + "' is already taken");
            }
            all.add(m);
        }
        return new ModelRegistry(all);
    }

    public List<LocalModel> all() {
        return models;
    }

    public List<String> names() {
        return models.stream().map(LocalModel::name).toList();
    }

    public Optional<LocalModel> find(final String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
