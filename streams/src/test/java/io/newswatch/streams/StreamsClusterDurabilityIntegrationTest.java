package io.newswatch.streams;

import io.newswatch.broker.EmbeddedKafkaCluster;
import io.newswatch.broker.testing.StopsBrokers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamsClusterDurabilityContract} on the in-JVM three-node cluster. Skipped when
 * {@code -Dnewswatch.it.bootstrap} names an external cluster, whose brokers the test cannot stop.
 */
@StopsBrokers
class StreamsClusterDurabilityIntegrationTest extends StreamsClusterDurabilityContract {
    private EmbeddedKafkaCluster cluster;
    private String bootstrap;

    @BeforeAll
    void startCluster(@TempDir Path brokers) {
        cluster = EmbeddedKafkaCluster.start(3, brokers);
        // taken while every node runs, so it still names all three once some are stopped
        bootstrap = cluster.bootstrapServers();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    String bootstrapServers() {
        return bootstrap;
    }

    @Override
    void stopBroker(int nodeId) {
        cluster.stopNode(cluster.indexOfNode(nodeId));
    }

    @Override
    void restartBroker(int nodeId) {
        cluster.restartNode(cluster.indexOfNode(nodeId));
    }
}
