package io.newswatch.streams.replay;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive, {@code news.articles}, from its beginning to the end offsets it has when the read starts, with
 * {@code read_committed} and no consumer group: a replay never moves anyone's offsets, and articles that arrive
 * while it runs are not part of it (so a replay's input is fixed when it starts).
 *
 * <p>Failure behaviour: a record that is not a readable article is counted, logged at WARN with its partition and
 * offset, and skipped; a tombstone is skipped silently (the article was removed from the archive). A read that
 * makes no progress for a minute fails with {@link IllegalStateException}. A cancellation is noticed within one
 * poll and ends the read with {@link ReplayCancelledException}.
 */
public final class ArchiveReader {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReader.class);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    /** Receives each readable article with its record time (ms), partition and offset. */
    @FunctionalInterface
    public interface Visitor {
        void article(Article article, long timestamp, int partition, long offset);
    }

    /** Told how far the read is: records read of the total to read. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    /** What a read saw. */
    public record Counts(long read, long unreadable) {
    }

    private final Properties kafkaProps;
    private final String clientId;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id of the reading consumer
     */
    public ArchiveReader(Properties kafkaProps, String clientId) {
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
    }

    /**
     * Reads every record up to the end offsets of now, in partition order within each poll.
     *
     * @throws ReplayCancelledException when {@code cancelled} turns true
     */
    public Counts read(Visitor visitor, Progress progress, BooleanSupplier cancelled) {
        Properties p = ClientProperties.groupless(kafkaProps, clientId);
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        long read = 0;
        long unreadable = 0;
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name(), METADATA_WAIT).stream()
                    .map(info -> new TopicPartition(Topics.ARTICLES.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_WAIT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, METADATA_WAIT);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            progress.update(0, total);
            long lastProgress = System.nanoTime();
            while (!reached(consumer, end)) {
                if (cancelled.getAsBoolean()) {
                    throw new ReplayCancelledException();
                }
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // arrived after the replay started
                    }
                    read++;
                    if (r.value() == null) {
                        continue;
                    }
                    Article article;
                    try {
                        article = Topics.ARTICLES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    } catch (RuntimeException e) {
                        unreadable++;
                        LOG.warn("{}-{}@{} is not a readable article, skipped: {}", r.topic(), r.partition(),
                                r.offset(), e.getMessage());
                        continue;
                    }
                    visitor.article(article, r.timestamp(), r.partition(), r.offset());
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                    progress.update(read, total);
                } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("cannot read " + Topics.ARTICLES.name() + " to its end offsets "
                            + end);
                }
            }
            progress.update(read, total);
        }
        return new Counts(read, unreadable);
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }
}
