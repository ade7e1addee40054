package io.tsfm.streams.forecaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.forecaster.model.RelicensedModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extra models: served and installed next to the built-in ones, each reporting its own licence. */
class ExtraModelsTest {

    @Test
    void anExtraModelIsInstalledAndShownWithItsOwnLicence() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .extraModels(List.of(new RelicensedModel("research-only", "cc-by-nc-4.0")))
                .build())) {
            final ForecasterHttp http = new ForecasterHttp(server.url());

            final JsonNode show = ForecasterHttp.json(http.post("/api/show", "{\"model\":\"research-only\"}"));

            assertThat(server.installedModels())
                    .containsExactly("mock", "local-empirical", "local-ets-damped", "research-only");
            assertThat(show.path("license").path("type").asText()).isEqualTo("cc-by-nc-4.0");
        }
    }

    @Test
    void theBuiltInModelsKeepTheirApacheLicenceNextToAnExtraModel() {
        try (LocalForecaster server = LocalForecaster.start(LocalForecasterOptions.builder()
                .port(0)
                .extraModels(List.of(new RelicensedModel("research-only", "cc-by-nc-4.0")))
                .build())) {
            final JsonNode models = ForecasterHttp.json(new ForecasterHttp(server.url()).get("/v1/models"));

            final List<String> licences = new ArrayList<>();
            models.path("installed")
                    .forEach(m -> licences.add(m.path("name").asText() + " "
                            + m.path("license").path("type").asText()));

            assertThat(licences)
                    .containsExactly(
                            "mock apache-2.0",
                            "local-empirical apache-2.0",
                            "local-ets-damped apache-2.0",
                            "research-only cc-by-nc-4.0");
        }
    }

    @Test
    void anExtraModelMayNotTakeTheNameOfABuiltInOne() {
        final LocalForecasterOptions options = LocalForecasterOptions.builder()
                .port(0)
                .extraModels(List.of(new RelicensedModel("mock", "cc-by-nc-4.0")))
                .build();

        assertThatThrownBy(() -> LocalForecaster.start(options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model name 'mock' is already taken");
    }
}
