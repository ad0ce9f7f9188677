package io.newswatch.cli.internal;

import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches how far the pipeline got, from Kafka itself: which articles reached {@code news.tagged}, and whether
 * the story step and then the alerts service have committed everything before them. Only committed records count,
 * so what it reports is what any downstream reader sees. Its static helpers (log ends, committed offsets) are what
 * {@code bench pipeline} waits on between its phases too.
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
     * Waits until every alert raised for the articles already on {@code news.tagged} has been delivered. Call it
     * after {@link #awaitTagged}. Alerts are written by the story step, a stage after tagging, so the end of
     * {@code news.alerts} read too early misses some. Each stage is therefore waited for in turn, on committed
     * consumer offsets:
     * <ol>
     *   <li>the streams application has committed past the end of {@code news.story.candidates}, which the
     *       tagging step writes in the same transactions as {@code news.tagged}: every alert of those articles is
     *       written to {@code news.alerts};</li>
     *   <li>the alerts service's group has committed past the end of {@code news.alerts} as it was then: each was
     *       delivered or dead-lettered.</li>
     * </ol>
     * Both are repeated until neither end moved meanwhile.
     *
     * <p>The ends are the logs' ends, transactions still open included, not the read_committed ends: a
     * transaction's offset commit can be visible before its markers reach the data partitions, and the
     * read_committed end of {@code news.alerts} read in that moment leaves out the alerts of the very transaction
     * whose offsets were just seen. A read_committed consumer cannot commit past a transaction that is undecided,
     * so a group that committed the log's end has read every transaction before it to its outcome.
     *
     * @param streamsApplicationId the streams application id (its consumer group)
     * @param alertsGroupId        the alerts service's consumer group
     * @return true when it caught up in time, false when the time ran out
     */
    public boolean awaitAlertsDelivered(String streamsApplicationId, String alertsGroupId, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, Long> candidates = logEnds(Topics.STORY_CANDIDATES.name());
            if (!awaitCommitted(streamsApplicationId, candidates, deadline)) {
                return false;
            }
            Map<TopicPartition, Long> alerts = logEnds(Topics.ALERTS.name());
            if (!awaitCommitted(alertsGroupId, alerts, deadline)) {
                return false;
            }
            if (candidates.equals(logEnds(Topics.STORY_CANDIDATES.name()))
                    && alerts.equals(logEnds(Topics.ALERTS.name()))) {
                return true;
            }
        }
    }

    /** Waits until {@code groupId} has committed at least {@code ends} on every partition; false on timeout. */
    private boolean awaitCommitted(String groupId, Map<TopicPartition, Long> ends, long deadline) throws Exception {
        while (!committedTo(committed(admin, groupId), ends)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private Map<TopicPartition, Long> logEnds(String topic) throws InterruptedException {
        return logEnds(admin, partitionsOf(admin, topic));
    }

    /**
     * Whether the committed offsets reach {@code ends} on every partition; a partition whose end is 0 needs no
     * commit.
     */
    public static boolean committedTo(Map<TopicPartition, OffsetAndMetadata> committed,
                                      Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            if (e.getValue() > 0 && (c == null || c.offset() < e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The end of each partition's log: the offset the next record gets, open transactions included. A group that
     * reads with read_committed can commit this end only once every transaction before it is decided and read,
     * which is why waits compare with it rather than with the read_committed end ({@link #awaitAlertsDelivered}).
     *
     * @throws IllegalStateException when the broker does not answer within 10 s
     */
    public static Map<TopicPartition, Long> logEnds(Admin admin, Collection<TopicPartition> partitions)
            throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> res = answer(admin.listOffsets(request,
                new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all(), "the end offsets of " + partitions);
        Map<TopicPartition, Long> ends = new HashMap<>();
        res.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** The offsets {@code group} has committed, by partition (empty for a group that committed none). */
    public static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
            throws InterruptedException {
        return answer(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "the committed offsets of group " + group);
    }

    /** The partitions of {@code topic}. */
    public static List<TopicPartition> partitionsOf(Admin admin, String topic) throws InterruptedException {
        return answer(admin.describeTopics(Set.of(topic)).allTopicNames(), "the partitions of " + topic).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static <T> T answer(KafkaFuture<T> future, String what) throws InterruptedException {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read " + what + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read " + what + ": no answer within 10 s", e);
        }
    }

    @Override
    public void close() {
        tagged.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }
}
