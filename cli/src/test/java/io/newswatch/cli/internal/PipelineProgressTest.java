package io.newswatch.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PipelineProgress#awaitAlertsDelivered} on a real broker, with the stages played by hand: a transactional
 * producer stands for the topology, offset commits for the consumer groups. A transaction still open on a stage's
 * topic is work the stage has not finished, whatever the read_committed end says: under load, a transaction's
 * offsets become visible before its markers reach the data partitions, and the demo's summary was taken while the
 * last five alerts were still on their way.
 */
class PipelineProgressTest {
    private static final String STREAMS_GROUP = "progress-streams";
    private static final String ALERTS_GROUP = "progress-alerts";
    private static EmbeddedKafka kafka;
    private static Properties client;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
        client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(client)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.TAGGED, Topics.STORY_CANDIDATES, Topics.ALERTS));
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void aTransactionStillOpenOnTheStoryCandidatesIsWaitedFor() throws Exception {
        transactionStillOpenIsWaitedFor(Topics.STORY_CANDIDATES, STREAMS_GROUP);
    }

    @Test
    void aTransactionStillOpenOnTheAlertsIsWaitedFor() throws Exception {
        transactionStillOpenIsWaitedFor(Topics.ALERTS, ALERTS_GROUP);
    }

    private void transactionStillOpenIsWaitedFor(TopicSpec<?, ?> topic, String group) throws Exception {
        String topicName = topic.name();
        Properties p = ClientProperties.producer(client, "progress-test-" + topicName);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "progress-test-" + topicName);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer());
             PipelineProgress progress = new PipelineProgress(client);
             Admin admin = Admin.create(client)) {
            // both groups are caught up with everything decided so far
            commitAtEnds(admin, STREAMS_GROUP, Topics.STORY_CANDIDATES);
            commitAtEnds(admin, ALERTS_GROUP, Topics.ALERTS);
            assertThat(progress.awaitAlertsDelivered(STREAMS_GROUP, ALERTS_GROUP, Duration.ofSeconds(10)))
                    .as("nothing in flight").isTrue();

            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topicName, 0, "k".getBytes(StandardCharsets.UTF_8),
                    "in flight".getBytes(StandardCharsets.UTF_8))).get();
            // the record is in the log, its transaction undecided: the read_committed end has not moved
            assertThat(progress.awaitAlertsDelivered(STREAMS_GROUP, ALERTS_GROUP, Duration.ofSeconds(2)))
                    .as("a record of an open transaction on " + topicName).isFalse();

            producer.commitTransaction();
            assertThat(progress.awaitAlertsDelivered(STREAMS_GROUP, ALERTS_GROUP, Duration.ofSeconds(2)))
                    .as("committed, but " + group + " has not read it").isFalse();

            commitAtEnds(admin, group, topic);
            assertThat(progress.awaitAlertsDelivered(STREAMS_GROUP, ALERTS_GROUP, Duration.ofSeconds(10)))
                    .as(group + " read past the transaction's marker").isTrue();
        }
    }

    /** Commits the group's offsets at the end of every partition's log, as a consumer that read it all would. */
    private static void commitAtEnds(Admin admin, String group, TopicSpec<?, ?> topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = admin.describeTopics(List.of(topic.name())).allTopicNames().get()
                .get(topic.name()).partitions().stream().collect(Collectors.toMap(
                        i -> new TopicPartition(topic.name(), i.partition()), i -> OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }
}
