package io.newswatch.cli;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link PipelineEndToEndContract} on the official {@code apache/kafka} image of the Kafka version the build pins
 * (the client's own version), started by Testcontainers: the same broker a deployment would run, outside this JVM.
 * Without a Docker engine the class is skipped, and the test report says so ("Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnKafkaImageTest extends PipelineEndToEndContract {
    private KafkaContainer kafka;

    @BeforeAll
    void startBroker() {
        kafka = new KafkaContainer("apache/kafka:" + AppInfoParser.getVersion());
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
