package io.tsfm.streams.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this JVM's threads by role between two moments: the app's stream threads, the app's other
 * threads (model-client encoder and HTTP threads, its Kafka clients' I/O), the local forecaster, the rest
 * (broker, benchmark), and the threads no thread bean lists (the JIT compiler's, GC's, RocksDB's native
 * flush and compaction threads). The benchmarks share one machine between all of them, so a wall time alone
 * cannot say whose work a change moved or removed; CPU time by role can.
 */
final class ThreadCpu {
    /**
     * CPU milliseconds per role over an interval. {@code jvmMs} is the process's CPU time less its Java
     * threads': the JIT compiler, GC, RocksDB's native threads and other JVM threads (and Java threads that ended
     * meanwhile); {@code jitMs} is the JVM's own count of time spent compiling, most of {@code jvmMs} while code
     * still warms up.
     */
    record Split(double streamMs, double appOtherMs, double forecasterMs, double restMs, double jvmMs, double jitMs) {
        /** The whole process's CPU time. */
        double processMs() {
            return streamMs + appOtherMs + forecasterMs + restMs + jvmMs;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final Map<Long, Long> before;
    private final double processBeforeMs;
    private final long jitBeforeMs;

    private ThreadCpu() {
        this.before = cpuByThread(threads, new HashMap<>());
        this.processBeforeMs = processCpuMs();
        this.jitBeforeMs = jitMs();
    }

    /** Starts an interval now. */
    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** The CPU time each role used since {@link #start()}; threads that ended meanwhile are not counted. */
    Split since() {
        final Map<Long, String> names = new HashMap<>();
        final Map<Long, Long> now = cpuByThread(threads, names);
        final double process = processCpuMs() - processBeforeMs;
        final double compiling = jitMs() - jitBeforeMs;
        double stream = 0;
        double app = 0;
        double forecaster = 0;
        double rest = 0;
        for (final Map.Entry<Long, Long> e : now.entrySet()) {
            final double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6;
            switch (role(names.get(e.getKey()))) {
                case STREAM -> stream += ms;
                case APP -> app += ms;
                case FORECASTER -> forecaster += ms;
                default -> rest += ms;
            }
        }
        final double jvm = Math.max(0, process - stream - app - forecaster - rest);
        return new Split(stream, app, forecaster, rest, jvm, compiling);
    }

    /** This process's CPU time so far (all threads, the JVM's own too). */
    private static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e6;
    }

    private long jitMs() {
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    enum Role {
        STREAM,
        APP,
        FORECASTER,
        REST
    }

    /** Which role a thread plays, by the name Kafka, the JDK and this project give it. */
    static Role role(final String name) {
        if (name.contains("-StreamThread-") && !name.startsWith("kafka-")) {
            return Role.STREAM;
        }
        if (name.startsWith("tollama-")
                || name.startsWith("HttpClient-")
                || (name.startsWith("kafka-producer-network-thread") && name.contains("-StreamThread-"))) {
            return Role.APP;
        }
        if (name.startsWith("local forecaster")) {
            return Role.FORECASTER;
        }
        return Role.REST;
    }

    private static Map<Long, Long> cpuByThread(final ThreadMXBean threads, final Map<Long, String> names) {
        final Map<Long, Long> out = new HashMap<>();
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            final long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                out.put(info.getThreadId(), cpu);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        return out;
    }
}
