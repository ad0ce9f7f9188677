package io.newswatch.cli.bench;

import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes synthetic articles to {@code news.articles} as fast as the broker takes them (idempotent,
 * {@code acks=all}, batched and lz4-compressed), for benchmarks that need an archive.
 */
public final class ArchiveLoader {
    private ArchiveLoader() {
    }

    /** The i-th record of a load: key, value and record time. */
    private interface RecordSource {
        ProducerRecord<byte[], byte[]> record(String topic, long i);
    }

    /**
     * Publishes articles {@code 0..count-1} of the generator to {@code news.articles}, generating each as it goes
     * (an archive too large to hold in memory), with its fetch time as the record time.
     *
     * @param progress told the number published so far, every 1,000
     * @throws KafkaException when a record is not acknowledged
     */
    public static Rate load(Properties kafkaProps, SyntheticArticles generator, long count, LongConsumer progress) {
        return send(kafkaProps, Topics.ARTICLES.name(), count, (topic, i) -> {
            Article a = generator.article(i);
            return new ProducerRecord<>(topic, null, a.fetchedAt().toEpochMilli(),
                    a.id().getBytes(StandardCharsets.UTF_8),
                    Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a));
        }, progress);
    }

    /**
     * Publishes a pre-generated batch to {@code topic}, timing only the sends: the raw reference and the pipeline
     * send exactly these records the same way.
     *
     * @throws KafkaException when a record is not acknowledged
     */
    public static Rate load(Properties kafkaProps, String topic, ArticleBatch batch, LongConsumer progress) {
        return send(kafkaProps, topic, batch.size(), (t, i) -> new ProducerRecord<>(t, null,
                batch.timestamp((int) i), batch.key((int) i), batch.value((int) i)), progress);
    }

    private static Rate send(Properties kafkaProps, String topic, long count, RecordSource source,
                               LongConsumer progress) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(kafkaProps),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                ProducerRecord<byte[], byte[]> record = source.record(topic, i);
                bytes += record.value().length;
                producer.send(record, (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if ((i + 1) % 1000 == 0) {
                    progress.accept(i + 1);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new KafkaException("loading " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(count);
        return new Rate(count, bytes, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The producer settings of every load: idempotent, {@code acks=all}, batched, lz4. */
    static Properties producerProps(Properties kafkaProps) {
        Properties p = (Properties) kafkaProps.clone();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-bench-loader");
        return p;
    }
}
