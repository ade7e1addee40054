package io.tsfm.streams.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The broker's configuration: a single combined broker+controller node with a static quorum, listening
 * on 127.0.0.1 only, with every internal topic at replication factor 1 (the reference server.properties).
 */
final class BrokerProperties {

    static final String HOST = "127.0.0.1";
    static final int NODE_ID = 1;

    private BrokerProperties() {}

    static Properties of(
            final int brokerPort,
            final int controllerPort,
            final Path logDir,
            final int partitions,
            final boolean autoCreateTopics,
            final Map<String, String> overrides) {
        final Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(NODE_ID));
        // a static voter set keeps the quorum valid when the same data dir is reused with other ports
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.setProperty(
                "listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
        p.setProperty("num.partitions", Integer.toString(partitions));
        p.setProperty("default.replication.factor", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // transactions v2: the broker waits up to 3 s (default 100 ms) for the previous transaction's markers
        // before it answers CONCURRENT_TRANSACTIONS, which on a busy machine the producer would retry with
        // broker ERROR lines (OutOfOrderSequenceException) and client WARNs; see docs/reliability.md
        p.setProperty("add.partitions.to.txn.retry.backoff.max.ms", "3000");
        p.setProperty("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
        p.putAll(overrides);
        return p;
    }
}
