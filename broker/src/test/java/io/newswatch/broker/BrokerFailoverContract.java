package io.newswatch.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/**
 * A partition leader of a three-broker cluster stops while an idempotent {@code acks=all} producer writes to a
 * topic of replication factor 3 and {@code min.insync.replicas} 2: every record is acknowledged, leadership moves,
 * a reader finds every value exactly once, and the stopped broker rejoins the in-sync replicas when it comes back.
 *
 * <p>Which cluster is a subclass's choice, through the three methods below and nothing else:
 * {@link EmbeddedKafkaClusterTest} (in this JVM) and {@link BrokerFailoverOnKafkaImageTest} (the official image,
 * through Testcontainers). A cluster named by {@code -Dnewswatch.it.bootstrap} cannot run it: the test would have
 * to stop one of its brokers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrokerFailoverContract {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerFailoverContract.class);
    private static final String TOPIC = "failover";
    private static final int RECORDS = 2_000;
    private static final List<Integer> NODE_IDS = List.of(1, 2, 3);
    // a broker outside this JVM (a container) takes longer to be back in sync than an embedded one
    private static final Duration REJOIN = Duration.ofSeconds(60);

    /**
     * Bootstrap servers of a running cluster of three empty brokers with node ids 1, 2 and 3. Asked again after
     * every stop and restart; may still list a stopped broker.
     */
    abstract String bootstrapServers();

    /** Stops broker {@code nodeId} gracefully, as an operator would, and returns once it is down. */
    abstract void stopBroker(int nodeId);

    /** Starts stopped broker {@code nodeId} again with its data and returns once it takes requests. */
    abstract void restartBroker(int nodeId);

    @Test
    @Timeout(300)
    void losesAndDuplicatesNothingWhenThePartitionLeaderStopsMidStream() throws Exception {
        await().atMost(REJOIN).untilAsserted(() -> assertThat(liveBrokerIds())
                .containsExactlyInAnyOrderElementsOf(NODE_IDS));
        TopicTraffic.createTopic(bootstrapServers(), TOPIC, 1, 3, 2);
        int leaderId = partitionZero().leader().id();

        List<String> expected = IntStream.range(0, RECORDS).mapToObj(i -> String.format("value-%04d", i)).toList();
        AtomicInteger acknowledged = new AtomicInteger();
        String bootstrap = bootstrapServers();
        CompletableFuture<Void> producing = CompletableFuture.runAsync(
                () -> producePaced(bootstrap, expected, acknowledged));

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.get() >= RECORDS / 4);
        int acknowledgedBeforeStop = acknowledged.get();
        stopBroker(leaderId);
        LOG.info("stopped leader {} after {} of {} acknowledgements", leaderId, acknowledgedBeforeStop, RECORDS);
        assertThat(acknowledgedBeforeStop).as("the stream was still running when the leader stopped")
                .isLessThan(RECORDS);
        producing.get(120, TimeUnit.SECONDS);
        assertThat(acknowledged).hasValue(RECORDS);

        TopicPartitionInfo afterStop = partitionZero();
        assertThat(afterStop.leader().id()).as("leadership moved off the stopped broker").isNotEqualTo(leaderId);
        assertThat(afterStop.isr()).extracting(Node::id).doesNotContain(leaderId);

        List<String> read = TopicTraffic.readAll(bootstrapServers(), TOPIC, RECORDS, Duration.ofSeconds(60));
        assertThat(read).as("every value exactly once").containsExactlyInAnyOrderElementsOf(expected);

        restartBroker(leaderId);
        await().atMost(REJOIN).untilAsserted(() -> {
            assertThat(liveBrokerIds()).containsExactlyInAnyOrderElementsOf(NODE_IDS);
            assertThat(partitionZero().isr()).extracting(Node::id).containsExactlyInAnyOrderElementsOf(NODE_IDS);
        });
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

    private TopicPartitionInfo partitionZero() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC).partitions().get(0);
        }
    }

    /** The brokers the cluster's metadata lists as live, which leaves out a fenced (stopped or lost) one. */
    List<Integer> liveBrokerIds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id).toList();
        }
    }
}
