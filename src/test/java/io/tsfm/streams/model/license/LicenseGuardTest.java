package io.tsfm.streams.model.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.forecaster.LocalForecasterExtension;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.forecaster.model.RelicensedModel;
import io.tsfm.streams.model.license.LicenseDecision.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The start-up check against the real local forecaster: allowed, refused with the documented message, overridden. */
class LicenseGuardTest {

    @RegisterExtension
    static final LocalForecasterExtension SERVER = new LocalForecasterExtension(LocalForecasterOptions.builder()
            .port(0)
            .extraModels(List.of(new RelicensedModel("research-only", "cc-by-nc-4.0")))
            .build());

    private static AppConfig config(final Map<String, String> overrides) {
        final Map<String, String> settings = new HashMap<>(overrides);
        settings.put("tollama.url", SERVER.server().url());
        return AppConfig.of(settings);
    }

    @Test
    void aModelWithAnAllowedLicencePasses() {
        final AppConfig config = config(Map.of("tollama.model", "local-ets-damped"));

        final List<LicenseDecision> decisions = LicenseGuard.enforce(config);

        assertThat(decisions)
                .extracting(LicenseDecision::verdict, LicenseDecision::licence)
                .containsExactly(tuple(Verdict.ALLOWED, "apache-2.0"));
    }

    @Test
    void aModelWithANonAllowedLicenceIsRefusedWithTheDocumentedMessage() {
        final AppConfig config = config(Map.of("tollama.model", "research-only"));

        assertThatThrownBy(() -> LicenseGuard.enforce(config))
                .isInstanceOf(LicenseRefusedException.class)
                .hasMessage(String.join(
                        "\n",
                        "Refusing to start: a configured model's licence is not allowed or cannot be determined.",
                        "  model 'research-only' on " + SERVER.server().url()
                                + ": licence 'cc-by-nc-4.0' is not on the allowlist",
                        "Allowed licences (model.license.allowlist): Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause",
                        "To start anyway, set model.license.check.override=true "
                                + "(TSFM_MODEL_LICENSE_CHECK_OVERRIDE=true); every start then logs a WARN naming "
                                + "each refused model and its licence."));
    }

    @Test
    void aModelThatIsNotInstalledIsRefusedAsUnknown() {
        final AppConfig config = config(Map.of("tollama.model", "chronos2"));

        assertThatThrownBy(() -> LicenseGuard.enforce(config))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.refused())
                                .extracting(LicenseDecision::verdict)
                                .containsExactly(Verdict.UNKNOWN))
                .hasMessageContaining("  model 'chronos2' on " + SERVER.server().url() + ": licence unknown: "
                        + "the model is not installed on the model server (POST /api/show answered 404)\n");
    }

    @Test
    void aLicenceAddedToTheAllowlistPasses() {
        final AppConfig config =
                config(Map.of("tollama.model", "research-only", "model.license.allowlist", "Apache-2.0,CC-BY-NC-4.0"));

        final List<LicenseDecision> decisions = LicenseGuard.enforce(config);

        assertThat(decisions).extracting(LicenseDecision::verdict).containsExactly(Verdict.ALLOWED);
    }

    @Test
    void theOverrideStartsAnywayAndLogsAWarningNamingTheModelAndItsLicence() {
        final AppConfig config =
                config(Map.of("tollama.model", "research-only", "model.license.check.override", "true"));
        final List<String> warnings = new CopyOnWriteArrayList<>();

        final List<LicenseDecision> decisions = capturingWarnings(warnings, () -> LicenseGuard.enforce(config));

        assertThat(decisions).extracting(LicenseDecision::verdict).containsExactly(Verdict.NOT_ALLOWED);
        assertThat(warnings)
                .containsExactly("LICENCE CHECK OVERRIDDEN (model.license.check.override=true): starting "
                        + "with model 'research-only' on " + SERVER.server().url()
                        + " although licence 'cc-by-nc-4.0' is not "
                        + "on the allowlist; allowlist [Apache-2.0, MIT, BSD-2-Clause, BSD-3-Clause]");
    }

    @Test
    void checksEachDistinctModelOnce() {
        final ModelRef model = ModelRef.of("mock", SERVER.server().url() + "/");
        final LicenseGuard guard =
                new LicenseGuard(new LicensePolicy(List.of("Apache-2.0")), new ModelLicenseReader(null), false);

        assertThat(guard.check(
                        List.of(model, ModelRef.of("mock", SERVER.server().url()))))
                .hasSize(1);
    }

    /** Runs the action with a log appender collecting LicenseGuard's WARN messages. */
    private static <T> T capturingWarnings(final List<String> warnings, final Supplier<T> action) {
        final AbstractAppender appender = new AbstractAppender("licence", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(final LogEvent event) {
                if (Level.WARN.equals(event.getLevel())) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        final Configuration configuration = context.getConfiguration();
        final String name = LicenseGuard.class.getName();
        final LoggerConfig logger = new LoggerConfig(name, Level.ALL, false);
        logger.addAppender(appender, Level.ALL, null);
        configuration.addLogger(name, logger);
        context.updateLoggers();
        try {
            return action.get();
        } finally {
            configuration.removeLogger(name);
            context.updateLoggers();
            appender.stop();
        }
    }
}
