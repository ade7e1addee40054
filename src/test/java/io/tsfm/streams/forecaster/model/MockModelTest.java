package io.tsfm.streams.forecaster.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mock model and the registry, without HTTP. */
class MockModelTest {

    @Test
    void theMockRepeatsTheLastValueAndStartsAtTheLastTimestamp() {
        final ModelInput input =
                new ModelInput("5min", List.of("t0", "t1"), new double[] {0.2, 0.4}, 3, new double[] {0.1, 0.9});

        final SeriesForecast f = new MockModel().forecast(input);

        assertThat(f.startTimestamp()).isEqualTo("t1");
        assertThat(f.mean()).containsExactly(0.4, 0.4, 0.4);
        assertThat(f.quantiles()[0]).containsExactly(0.4, 0.4, 0.4);
        assertThat(f.quantiles()[1]).containsExactly(0.4, 0.4, 0.4);
    }

    @Test
    void theRegistryListsEveryLocalModelUnderApache2() {
        final ModelRegistry registry = ModelRegistry.defaults();

        assertThat(registry.names()).containsExactly("mock", "local-empirical", "local-ets-damped");
        assertThat(registry.all()).allSatisfy(m -> assertThat(m.licenseType()).isEqualTo("apache-2.0"));
        assertThat(registry.find("chronos2")).isEmpty();
    }
}
