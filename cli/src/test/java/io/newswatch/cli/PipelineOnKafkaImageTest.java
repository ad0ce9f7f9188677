package io.newswatch.cli;

import io.newswatch.broker.testing.KafkaImageCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link PipelineEndToEndContract} on the official {@code apache/kafka} image of the Kafka version the build pins
 * ({@link KafkaImageCluster#IMAGE}, the client's own version), started by Testcontainers as a single node: the
 * same broker a deployment would run, outside this JVM.
 * Without a Docker engine the class is skipped, and the test report says so ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnKafkaImageTest extends PipelineEndToEndContract {
    private KafkaContainer kafka;

    @BeforeAll
    void startBroker() {
        kafka = new KafkaContainer(KafkaImageCluster.IMAGE);
        kafka.start();
    }

    @AfterAll
    void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Override
    String bootstrapServers() {
        return kafka.getBootstrapServers();
    }
}
