package io.tsfm.streams.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CPU time is split by the names Kafka Streams, Kafka's clients, the JDK and this project give threads. */
class ThreadCpuTest {

    @Test
    void tellsTheAppsThreadsFromTheForecastersAndTheBrokers() {
        assertThat(ThreadCpu.role("tsfm-bench-replay-3-5e1f-StreamThread-1")).isEqualTo(ThreadCpu.Role.STREAM);
        assertThat(ThreadCpu.role("kafka-producer-network-thread | tsfm-bench-replay-3-5e1f-StreamThread-1-producer"))
                .isEqualTo(ThreadCpu.Role.APP);
        assertThat(ThreadCpu.role("tollama-encoder-current")).isEqualTo(ThreadCpu.Role.APP);
        assertThat(ThreadCpu.role("HttpClient-2-Worker-0")).isEqualTo(ThreadCpu.Role.APP);
        assertThat(ThreadCpu.role("local forecaster-141")).isEqualTo(ThreadCpu.Role.FORECASTER);
        assertThat(ThreadCpu.role("data-plane-kafka-request-handler-0")).isEqualTo(ThreadCpu.Role.REST);
        assertThat(ThreadCpu.role("kafka-producer-network-thread | producer-1")).isEqualTo(ThreadCpu.Role.REST);
    }
}
