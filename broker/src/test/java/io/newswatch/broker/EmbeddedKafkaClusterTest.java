package io.newswatch.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaClusterTest.class);
    private static final String TOPIC = "failover";
    private static final int RECORDS = 2_000;

    @Test
    void losesAndDuplicatesNothingWhenThePartitionLeaderStopsMidStream(@TempDir Path baseDir) throws Exception {
        long began = System.nanoTime();
        try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(3, baseDir)) {
            LOG.info("3-node cluster start-to-ready {} ms", (System.nanoTime() - began) / 1_000_000);
            assertThat(cluster.size()).isEqualTo(3);
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);

            TopicTraffic.createTopic(cluster.bootstrapServers(), TOPIC, 1, 3, 2);
            int leaderId = partitionZero(cluster).leader().id();
            int leaderIndex = cluster.indexOfNode(leaderId);

            List<String> expected = IntStream.range(0, RECORDS).mapToObj(i -> String.format("value-%04d", i)).toList();
            AtomicInteger acknowledged = new AtomicInteger();
            CompletableFuture<Void> producing = CompletableFuture.runAsync(
                    () -> producePaced(cluster.bootstrapServers(), expected, acknowledged));

            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= RECORDS / 4);
            int acknowledgedBeforeStop = acknowledged.get();
            cluster.stopNode(leaderIndex);
            LOG.info("stopped leader node {} after {} of {} acknowledgements", leaderId, acknowledgedBeforeStop, RECORDS);
            assertThat(acknowledgedBeforeStop).as("the stream was still running when the leader stopped")
                    .isLessThan(RECORDS);
            producing.get(120, TimeUnit.SECONDS);
            assertThat(acknowledged).hasValue(RECORDS);

            assertThat(cluster.bootstrapServers().split(",")).hasSize(2);
            TopicPartitionInfo afterStop = partitionZero(cluster);
            assertThat(afterStop.leader().id()).as("leadership moved off the stopped node").isNotEqualTo(leaderId);

            List<String> read = TopicTraffic.readAll(cluster.bootstrapServers(), TOPIC, RECORDS, Duration.ofSeconds(60));
            assertThat(read).as("every value exactly once").containsExactlyInAnyOrderElementsOf(expected);

            cluster.restartNode(leaderIndex);
            assertThat(cluster.isRunning(leaderIndex)).isTrue();
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(liveBrokerIds(cluster)).containsExactlyInAnyOrder(1, 2, 3);
                assertThat(partitionZero(cluster).isr()).extracting(Node::id).containsExactlyInAnyOrder(1, 2, 3);
            });
        }
    }

    /** Sends the values spread over about two seconds so that the leader stops while records are in flight. */
    private static void producePaced(String bootstrap, List<String> values, AtomicInteger acknowledged) {
        try (KafkaProducer<String, String> producer = TopicTraffic.reliableProducer(bootstrap)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                acks.add(producer.send(new ProducerRecord<>(TOPIC, value, value), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.incrementAndGet();
                    }
                }));
                if (i % 20 == 19) {
                    Thread.sleep(20);
                }
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing to the cluster failed", e);
        }
    }

    private static TopicPartitionInfo partitionZero(EmbeddedKafkaCluster cluster) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().get(0);
        }
    }

    private static List<Integer> liveBrokerIds(EmbeddedKafkaCluster cluster) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
        }
    }
}
