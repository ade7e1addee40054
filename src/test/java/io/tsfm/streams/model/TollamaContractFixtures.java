package io.tsfm.streams.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.domain.QuantilePaths;
import io.tsfm.streams.forecaster.LocalForecasterOptions;
import io.tsfm.streams.metrics.TsfmMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** What the tollama contract tests build on: settings, clients, calls and series on the 5-minute grid. */
final class TollamaContractFixtures {
    static final long WAIT_SECONDS = 10;
    static final Instant GRID_START = Instant.parse("2026-02-20T11:00:00Z");
    static final double[] LEVELS = {0.1, 0.5, 0.9};

    private TollamaContractFixtures() {}

    /** The app's own config path, pointed at a test server, with short backoffs and a long-open breaker. */
    static TollamaSettings settings(final String url, final Map<String, String> overrides) {
        final Map<String, String> config = new HashMap<>();
        config.put("tollama.url", url);
        config.put("tollama.model", "mock");
        config.put("tollama.retry.backoff.ms", "10");
        config.put("tollama.retry.backoff.max.ms", "40");
        config.put("tollama.retry.jitter.ms", "0");
        config.put("breaker.open.ms", "60000");
        // a busy machine is slow, not broken: tests about timeouts set their own
        config.put("tollama.timeout.ms", "30000");
        config.putAll(overrides);
        return TollamaSettings.from(AppConfig.of(config));
    }

    static TollamaClient client(final TollamaSettings settings) {
        return client(settings, TollamaClient.ROLE_CURRENT);
    }

    static TollamaClient client(final TollamaSettings settings, final String role) {
        final TsfmMetrics metrics = TsfmMetrics.inMemory();
        return new TollamaClient(settings, metrics.model(), role, new CallGuards(metrics.registry()));
    }

    static LocalForecasterOptions withKeys(final String... keys) {
        return LocalForecasterOptions.builder().port(0).apiKeys(List.of(keys)).build();
    }

    static BatchResult call(final TollamaClient client, final List<SeriesInput> series) throws Exception {
        final Optional<CompletableFuture<BatchResult>> submitted = client.trySubmit(series);
        assertThat(submitted).as("an in-flight slot was free").isPresent();
        return submitted.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    static List<SeriesInput> threeSeries() {
        return List.of(series("m-1", 1.0, 10.0), series("m-2", 2.0, 20.0), series("m-3", 3.0, 30.0));
    }

    /** A series on the 5-minute grid from {@link #GRID_START}. */
    static SeriesInput series(final String id, final double... target) {
        final String[] timestamps = IntStream.range(0, target.length)
                .mapToObj(i -> GRID_START.plus(Duration.ofMinutes(5L * i)).toString())
                .toArray(String[]::new);
        return new SeriesInput(id, timestamps, target);
    }

    /** A deterministic trend plus a wiggle, so the ETS band has in-sample errors to work with. */
    static double[] wiggle(final int n, final double slope, final double amplitude) {
        final double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 10.0 + slope * i + amplitude * Math.sin(0.9 * i) + 0.3 * amplitude * Math.cos(2.3 * i);
        }
        return y;
    }

    static void assertFlat(final SeriesOutcome outcome, final double last) {
        assertThat(outcome.invalidReason()).isNull();
        final QuantilePaths paths = outcome.paths();
        assertThat(paths.levels()).containsExactly(LEVELS);
        assertThat(paths.horizon()).isEqualTo(12);
        final double[] flat = new double[12];
        Arrays.fill(flat, last);
        for (int i = 0; i < LEVELS.length; i++) {
            assertThat(paths.path(i)).as("level %s", LEVELS[i]).containsExactly(flat);
        }
    }

    static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<Double> doubles(final JsonNode array) {
        final List<Double> values = new ArrayList<>();
        array.forEach(v -> values.add(v.doubleValue()));
        return values;
    }
}
