package io.newswatch.cli.internal;

import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches how far the pipeline got, from Kafka itself: which articles reached {@code news.tagged}, and whether
 * the alerts service has committed everything on {@code news.alerts}. Only committed records count, so what it
 * reports is what any downstream reader sees.
 */
public final class PipelineProgress implements AutoCloseable {
    private final Admin admin;
    private final KafkaConsumer<String, byte[]> tagged;
    private final Set<String> seen = new HashSet<>();

    public PipelineProgress(Properties clientProps) {
        this.admin = Admin.create(clientProps);
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.tagged = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = tagged.partitionsFor(Topics.TAGGED.name(), Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        tagged.assign(partitions);
        tagged.seekToBeginning(partitions);
    }

    /**
     * Waits until every given article id was seen on {@code news.tagged}.
     *
     * @return the ids still missing when the time ran out (empty when all arrived)
     */
    public Set<String> awaitTagged(Set<String> articleIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.containsAll(articleIds) && System.nanoTime() < deadline) {
            for (var r : tagged.poll(Duration.ofMillis(200))) {
                seen.add(r.key());
            }
        }
        return articleIds.stream().filter(id -> !seen.contains(id)).collect(Collectors.toSet());
    }

    /**
     * Waits until the consumer group has committed offsets up to the end of every partition of
     * {@code news.alerts}: every alert written so far was delivered or dead-lettered.
     *
     * @return true when it caught up in time
     */
    public boolean awaitAlertsDelivered(String groupId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> ends = endOffsets();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            if (caughtUp) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        var desc = admin.describeTopics(Set.of(Topics.ALERTS.name())).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(Topics.ALERTS.name());
        Map<TopicPartition, OffsetSpec> request = desc.partitions().stream().collect(Collectors.toMap(
                p -> new TopicPartition(Topics.ALERTS.name(), p.partition()), p -> OffsetSpec.latest()));
        // read_committed end offsets: a transaction still open is not yet something to wait for
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> res = admin.listOffsets(request,
                new org.apache.kafka.clients.admin.ListOffsetsOptions(
                        org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all().get(10, TimeUnit.SECONDS);
        return res.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        tagged.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
