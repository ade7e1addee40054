package io.tsfm.streams.config;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Every setting of the app, once: its key, type, default, validator and description, as Kafka's
 * {@link ConfigDef}. {@link AppConfig} parses with it and {@code config-docs} prints it.
 *
 * <p>The settings are defined by area in the classes called here; the order of the calls is the order of
 * the configuration docs' table, so it must not change.
 */
final class AppConfigDefinition {
    private AppConfigDefinition() {}

    static ConfigDef definition() {
        final ConfigDef def = new ConfigDef();
        KafkaAppDefinition.define(def);
        ModelClientDefinition.define(def);
        ForecastingDefinition.define(def);
        OperationsDefinition.runtime(def);
        RolloutDefinition.define(def);
        OperationsDefinition.retentionAndReplay(def);
        return def;
    }
}
