package io.newswatch.broker;

import io.newswatch.broker.testing.StopsBrokers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link BrokerFailoverContract} on a three-node {@link EmbeddedKafkaCluster} in this JVM, and what the cluster
 * itself promises about its nodes. Skipped when {@code -Dnewswatch.it.bootstrap} names an external cluster, whose
 * brokers the test cannot stop.
 */
@StopsBrokers
class EmbeddedKafkaClusterTest extends BrokerFailoverContract {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaClusterTest.class);
    private EmbeddedKafkaCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path baseDir) {
        long began = System.nanoTime();
        cluster = EmbeddedKafkaCluster.start(3, baseDir);
        LOG.info("3-node cluster start-to-ready {} ms", (System.nanoTime() - began) / 1_000_000);
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
        cluster.stopNode(cluster.indexOfNode(nodeId));
    }

    @Override
    void restartBroker(int nodeId) {
        cluster.restartNode(cluster.indexOfNode(nodeId));
    }

    @Test
    void bootstrapServersNameTheRunningNodesOnlyAndARestartedNodeIsBackOnItsPort() throws Exception {
        assertThat(cluster.size()).isEqualTo(3);
        String all = cluster.bootstrapServers();
        assertThat(all.split(",")).hasSize(3);
        int index = cluster.indexOfNode(2);
        assertThat(cluster.nodeId(index)).isEqualTo(2);

        cluster.stopNode(index);
        assertThat(cluster.isRunning(index)).isFalse();
        assertThat(cluster.bootstrapServers().split(",")).hasSize(2).isSubsetOf(all.split(","));
        cluster.stopNode(index);

        cluster.restartNode(index);
        assertThat(cluster.isRunning(index)).isTrue();
        assertThat(cluster.bootstrapServers()).isEqualTo(all);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(liveBrokerIds()).contains(2));
    }
}
