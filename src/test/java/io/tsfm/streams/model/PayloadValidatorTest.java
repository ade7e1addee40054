package io.tsfm.streams.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tsfm.streams.domain.QuantilePaths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadValidatorTest {
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    private final PayloadValidator validator = new PayloadValidator(LEVELS, 3);

    private static Map<String, List<Double>> answer() {
        final Map<String, List<Double>> quantiles = new HashMap<>();
        quantiles.put("0.1", List.of(-1.0, -1.1, -1.2));
        quantiles.put("0.5", List.of(0.0, 0.1, 0.2));
        quantiles.put("0.9", List.of(1.0, 1.1, 1.2));
        return quantiles;
    }

    @Test
    void turnsAValidAnswerIntoQuantilePaths() {
        final SeriesOutcome outcome = validator.validate(answer());

        assertThat(outcome.isValid()).isTrue();
        assertThat(outcome.invalidReason()).isNull();
        assertThat(outcome.paths()).isEqualTo(new QuantilePaths(LEVELS, new double[][] {
            {-1.0, -1.1, -1.2}, {0.0, 0.1, 0.2}, {1.0, 1.1, 1.2}
        }));
    }

    @Test
    void rejectsAnAnswerWithoutQuantiles() {
        final SeriesOutcome outcome = validator.validate(null);

        assertThat(outcome.isValid()).isFalse();
        assertThat(outcome.paths()).isNull();
        assertThat(outcome.invalidReason()).isEqualTo("quantile_set_mismatch");
    }

    @Test
    void rejectsAnAnswerMissingARequestedLevel() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.remove("0.9");

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("quantile_set_mismatch");
    }

    @Test
    void rejectsAnAnswerWithAnExtraLevel() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.95", List.of(2.0, 2.1, 2.2));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("quantile_set_mismatch");
    }

    @Test
    void rejectsLevelsKeyedDifferentlyFromTollama() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.10", quantiles.remove("0.1"));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("quantile_set_mismatch");
    }

    @Test
    void rejectsAPathShorterThanTheHorizon() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.5", List.of(0.0, 0.1));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("horizon_mismatch");
    }

    @Test
    void rejectsAPathLongerThanTheHorizon() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.9", List.of(1.0, 1.1, 1.2, 1.3));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("horizon_mismatch");
    }

    @Test
    void rejectsALevelWhosePathIsNotAnArray() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.5", null);

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("horizon_mismatch");
    }

    @Test
    void rejectsANullValue() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.5", Arrays.asList(0.0, null, 0.2));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("non_finite_value");
    }

    @Test
    void rejectsANaNValue() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.1", List.of(-1.0, -1.1, Double.NaN));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("non_finite_value");
    }

    @Test
    void rejectsAnInfiniteValue() {
        final Map<String, List<Double>> quantiles = answer();
        quantiles.put("0.9", List.of(Double.POSITIVE_INFINITY, 1.1, 1.2));

        assertThat(validator.validate(quantiles).invalidReason()).isEqualTo("non_finite_value");
    }

    @Test
    void matchesKeysTheWayTollamaWritesThem() {
        final PayloadValidator tails = new PayloadValidator(new double[] {0.05, 0.95}, 1);
        final Map<String, List<Double>> quantiles = new HashMap<>();
        quantiles.put("0.05", List.of(0.1));
        quantiles.put("0.95", List.of(0.9));

        assertThat(tails.validate(quantiles).paths())
                .isEqualTo(new QuantilePaths(new double[] {0.05, 0.95}, new double[][] {{0.1}, {0.9}}));
    }
}
