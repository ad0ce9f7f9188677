package io.newswatch.streams;

import io.newswatch.broker.testing.KafkaImageCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link StreamsClusterDurabilityContract} on three containers of the official {@code apache/kafka} image of the
 * Kafka version the build pins ({@link KafkaImageCluster}): brokers are stopped with {@code docker stop} and
 * started again with {@code docker start}. Without a Docker engine the class is skipped, and the test report says
 * so ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class StreamsClusterDurabilityOnKafkaImageTest extends StreamsClusterDurabilityContract {
    private KafkaImageCluster cluster;

    @BeforeAll
    void startCluster() {
        cluster = KafkaImageCluster.start(3);
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    void stopBroker(int nodeId) {
        cluster.stopNode(nodeId);
    }

    @Override
    void restartBroker(int nodeId) {
        cluster.restartNode(nodeId);
    }
}
