package io.tsfm.streams.forecaster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the forecast traffic the server accepted, so tests and benchmarks can check batching
 * (series per request) and how many answers were faulted. A request counts once it is valid and its
 * model is installed, whether or not a fault is then injected. Also served as {@code GET /admin/stats}.
 */
public final class ServerStats {

    private final AtomicLong forecastRequests = new AtomicLong();
    private final AtomicLong series = new AtomicLong();
    private final AtomicLong faulted = new AtomicLong();

    /** Accepted forecast requests (both forecast endpoints). */
    public long forecastRequests() {
        return forecastRequests.get();
    }

    /** Series across all accepted forecast requests. */
    public long series() {
        return series.get();
    }

    /** Accepted requests answered with an injected fault (error, hang, garbage or server-side timeout). */
    public long faulted() {
        return faulted.get();
    }

    void recordRequest(final int seriesCount) {
        forecastRequests.incrementAndGet();
        series.addAndGet(seriesCount);
    }

    void recordFault() {
        faulted.incrementAndGet();
    }

    /** The JSON object of {@code GET /admin/stats}. */
    public Map<String, Long> toMap() {
        final Map<String, Long> map = new LinkedHashMap<>();
        map.put("forecast_requests", forecastRequests());
        map.put("series", series());
        map.put("faulted", faulted());
        return map;
    }
}
