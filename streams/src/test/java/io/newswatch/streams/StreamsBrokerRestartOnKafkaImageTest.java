package io.newswatch.streams;

import io.newswatch.broker.testing.KafkaImageCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * {@link StreamsBrokerRestartContract} on one container of the official {@code apache/kafka} image of the Kafka
 * version the build pins ({@link KafkaImageCluster}), stopped with {@code docker stop} and started again with
 * {@code docker start}. Without a Docker engine the class is skipped, and the test report says so ("Docker is not
 * available").
 */
@Testcontainers(disabledWithoutDocker = true)
class StreamsBrokerRestartOnKafkaImageTest extends StreamsBrokerRestartContract {
    private KafkaImageCluster cluster;

    @BeforeAll
    void startBroker() {
        cluster = KafkaImageCluster.start(1);
    }

    @AfterAll
    void closeBroker() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    void stopBroker() {
        cluster.stopNode(1);
    }

    @Override
    void restartBroker() {
        cluster.restartNode(1);
    }
}
