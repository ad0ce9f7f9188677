package io.newswatch.broker.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Everything that identifies one combined broker+controller KRaft node, and the broker configuration derived
 * from it. Configuration keys follow the Apache Kafka 4.3 broker configuration reference
 * (https://kafka.apache.org/43/configuration/broker-configs/).
 *
 * @param nodeId         KRaft node id, also the broker id (1-based)
 * @param brokerPort     client port on {@link LocalPorts#HOST}
 * @param controllerPort KRaft controller port on {@link LocalPorts#HOST}
 * @param logDir         log directory, also the metadata log directory
 * @param quorumVoters   the static {@code controller.quorum.voters} string shared by all nodes of a cluster
 * @param clusterSize    number of nodes in the cluster; decides replication defaults
 */
public record NodeSettings(int nodeId, int brokerPort, int controllerPort, Path logDir, String quorumVoters,
                           int clusterSize) {

    /** Listener name of the KRaft controller endpoint; the Formatter needs it too. */
    public static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final String BROKER_LISTENER = "PLAINTEXT";

    /**
     * The static quorum for nodes 1..n listening on the given controller ports. A static quorum (rather than a
     * dynamic one written at format time) lets a node restart on different ports and still find its voters.
     */
    public static String staticQuorum(int[] controllerPorts) {
        return IntStream.range(0, controllerPorts.length)
                .mapToObj(i -> (i + 1) + "@" + LocalPorts.HOST + ":" + controllerPorts[i])
                .collect(Collectors.joining(","));
    }

    /** {@code 127.0.0.1:brokerPort}. */
    public String bootstrapAddress() {
        return LocalPorts.HOST + ":" + brokerPort;
    }

    /** Replication factor for new and internal topics: every node up to three copies. */
    public int replicationFactor() {
        return Math.min(clusterSize, 3);
    }

    /** One fewer than the replication factor, so a three-node cluster keeps accepting acks=all with a node down. */
    public int minInSyncReplicas() {
        return Math.max(1, replicationFactor() - 1);
    }

    /** The broker configuration, ready for {@code kafka.server.KafkaConfig}. */
    public Map<String, Object> brokerConfig() {
        String replication = Integer.toString(replicationFactor());
        String minIsr = Integer.toString(minInSyncReplicas());
        Map<String, Object> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", quorumVoters);
        config.put("listeners", BROKER_LISTENER + "://" + bootstrapAddress() + ","
                + CONTROLLER_LISTENER + "://" + LocalPorts.HOST + ":" + controllerPort);
        config.put("advertised.listeners", BROKER_LISTENER + "://" + bootstrapAddress());
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("metadata.log.dir", logDir.toString());

        // topics are created on purpose (TopicAdmin.ensureTopics); a typo must not silently make a new topic
        config.put("auto.create.topics.enable", "false");
        config.put("num.partitions", "1");
        config.put("default.replication.factor", replication);
        config.put("min.insync.replicas", minIsr);
        config.put("offsets.topic.replication.factor", replication);
        config.put("transaction.state.log.replication.factor", replication);
        config.put("transaction.state.log.min.isr", minIsr);
        config.put("share.coordinator.state.topic.replication.factor", replication);
        config.put("share.coordinator.state.topic.min.isr", minIsr);
        // the first consumer group or transaction creates these topics; 50 partitions each is for big clusters
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("share.coordinator.state.topic.num.partitions", "10");
        config.put("group.initial.rebalance.delay.ms", "0");

        // several nodes share two cores in one JVM: fewer threads per node, the defaults assume a dedicated host
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        config.put("background.threads", "4");
        config.put("num.recovery.threads.per.data.dir", "2");
        // The log cleaner allocates its whole dedupe buffer on the heap when it starts: 128 MiB by default, a
        // quarter of the 512 MiB the embedded pipeline runs in. 32 MiB still maps about 1.3 million keys per
        // cleaning pass (24 bytes a key at a 0.9 load factor), far more than an embedded node's compacted topics
        // hold between two passes.
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(32 << 20));
        // faster failure detection and shutdown hand-over than the production defaults (2 s / 9 s)
        config.put("broker.heartbeat.interval.ms", "500");
        config.put("broker.session.timeout.ms", "6000");
        return config;
    }
}
