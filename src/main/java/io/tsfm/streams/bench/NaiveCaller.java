package io.tsfm.streams.bench;

import io.tsfm.streams.config.AppConfig;
import io.tsfm.streams.metrics.TsfmMetrics;
import io.tsfm.streams.model.BatchResult;
import io.tsfm.streams.model.CallGuards;
import io.tsfm.streams.model.SeriesInput;
import io.tsfm.streams.model.TollamaClient;
import io.tsfm.streams.model.TollamaSettings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The yardstick of the cycle scenario: a naive caller that asks the model for one market at a time, with a
 * blocking request each, instead of the app's batched cycle.
 */
final class NaiveCaller {
    private static final long STEP_MS = BenchTicks.STEP_MS;

    private NaiveCaller() {}

    /**
     * The naive caller: for each market, one blocking HTTP request with its single 288-step series
     * (same model, grid timestamps and logit values the app sends), one after the other.
     *
     * @return forecasts per second
     */
    static double forecastsPerSecond(final BenchEnvironment env, final int count, final long boundary) {
        final Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", env.bootstrap());
        s.put("application.id", "bench-naive");
        s.put("tollama.url", env.forecasterUrl());
        s.put("tollama.model", "mock");
        s.put("tollama.series.per.request", "1");
        s.put("tollama.max.in.flight", "1");
        s.put("ops.port", "0");
        final AppConfig config = AppConfig.of(s);
        final String[] stamps = new String[288];
        for (int i = 0; i < 288; i++) {
            stamps[i] = Instant.ofEpochMilli(boundary - (287 - i) * STEP_MS).toString();
        }
        try (TollamaClient client = client(TollamaSettings.from(config))) {
            final long t0 = System.nanoTime();
            for (int m = 0; m < count; m++) {
                final double[] target = new double[288];
                for (int i = 0; i < 288; i++) {
                    final double p =
                            Math.min(1 - 1e-6, Math.max(1e-6, BenchTicks.price(m, boundary - (288 - i) * STEP_MS)));
                    target[i] = Math.log(p / (1 - p));
                }
                final SeriesInput series =
                        new SeriesInput(IngestBenchmark.marketId(m) + "|" + boundary, stamps, target);
                final BatchResult result =
                        client.trySubmit(List.of(series)).orElseThrow().join();
                if (result.failed()) {
                    throw new IllegalStateException("naive call failed: " + result.failureDetail());
                }
            }
            return count * 1e9 / (System.nanoTime() - t0);
        }
    }

    /** The current model's client, counting into meters nobody scrapes. */
    private static TollamaClient client(final TollamaSettings settings) {
        final TsfmMetrics metrics = TsfmMetrics.inMemory();
        return new TollamaClient(
                settings, metrics.model(), TollamaClient.ROLE_CURRENT, new CallGuards(metrics.registry()));
    }
}
