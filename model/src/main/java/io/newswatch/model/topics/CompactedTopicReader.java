package io.newswatch.model.topics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted catalogue topic from its beginning to the end offsets it has when the read starts, and returns
 * the latest value of each key: the table the topic stands for. A null value (tombstone) removes its key.
 *
 * <p>Failure behaviour: a record whose key or value cannot be deserialized is skipped with a WARN naming the
 * topic, partition and offset (the key keeps its earlier value); a topic that makes no progress for
 * {@link #STALL_LIMIT} raises {@link IllegalStateException}.
 */
public final class CompactedTopicReader {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicReader.class);
    /** How long a read may go without receiving a record before it gives up. */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private CompactedTopicReader() {
    }

    /**
     * The topic's current table, keys in the order they were first written.
     *
     * @param kafkaProps connection properties; copied
     * @param clientId   client id of the reading consumer
     */
    public static <K, V> Map<K, V> read(Properties kafkaProps, String clientId, TopicSpec<K, V> topic) {
        Properties p = ClientProperties.groupless(kafkaProps, clientId);
        Map<K, V> table = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long lastProgress = System.nanoTime();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    apply(topic, r, table);
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("cannot read " + topic.name() + " to its end offsets " + end);
                }
            }
        }
        return table;
    }

    private static <K, V> void apply(TopicSpec<K, V> topic, ConsumerRecord<byte[], byte[]> r, Map<K, V> table) {
        decode(topic, r, (key, value) -> {
            if (value == null) {
                table.remove(key);
            } else {
                table.put(key, value);
            }
        });
    }

    /**
     * Hands a record's key and value (null for a tombstone) to {@code sink}. A record without a key, one that does
     * not deserialize, or one the sink rejects with an {@link IllegalArgumentException} is skipped with a WARN
     * naming topic, partition and offset.
     */
    static <K, V> void decode(TopicSpec<K, V> topic, ConsumerRecord<byte[], byte[]> r,
                              CompactedTopicFollower.Listener<K, V> sink) {
        try {
            K key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
            if (key == null) {
                LOG.warn("{} partition {} offset {}: record without a key, ignored", r.topic(), r.partition(),
                        r.offset());
                return;
            }
            V value = r.value() == null ? null : topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
            sink.apply(key, value);
        } catch (SerializationException | IllegalArgumentException | NullPointerException e) {
            LOG.warn("{} partition {} offset {}: unusable record, ignored: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }
}
