package io.newswatch.cli.bench;

import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes synthetic articles to {@code news.articles} as fast as the broker takes them (idempotent,
 * {@code acks=all}, batched and lz4-compressed), for benchmarks that need an archive.
 */
public final class ArchiveLoader {
    /** What a load wrote. */
    public record Loaded(long articles, long bytes, Duration took) {
        public double articlesPerSecond() {
            return articles / Math.max(took.toNanos() / 1e9, 1e-9);
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    private ArchiveLoader() {
    }

    /**
     * Publishes articles {@code 0..count-1} of the generator, each with its fetch time as the record time.
     *
     * @param progress told the number published so far, every 1,000
     * @throws KafkaException when a record is not acknowledged
     */
    public static Loaded load(Properties kafkaProps, SyntheticArticles generator, long count, LongConsumer progress) {
        return load(kafkaProps, Topics.ARTICLES.name(), generator, 0, count, progress);
    }

    /**
     * Publishes a pre-generated batch to {@code topic} with the settings of every load, timing only the sends.
     *
     * @throws KafkaException when a record is not acknowledged
     */
    public static Loaded load(Properties kafkaProps, String topic, ArticleBatch batch, LongConsumer progress) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(kafkaProps),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < batch.size() && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, null, batch.timestamp(i), batch.key(i), batch.value(i)),
                        (md, e) -> {
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
            throw new KafkaException("loading the batch failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(batch.size());
        return new Loaded(batch.size(), batch.bytes(), Duration.ofNanos(System.nanoTime() - start));
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

    /** Publishes articles {@code first..first+count-1} to {@code news.articles}. */
    public static Loaded load(Properties kafkaProps, SyntheticArticles generator, long first, long count,
                              LongConsumer progress) {
        return load(kafkaProps, Topics.ARTICLES.name(), generator, first, count, progress);
    }

    /**
     * Publishes articles {@code first..first+count-1} to {@code topic} with the producer settings of every load,
     * so that a raw reference and the pipeline send exactly the same records the same way.
     */
    public static Loaded load(Properties kafkaProps, String topic, SyntheticArticles generator, long first,
                              long count, LongConsumer progress) {
        Properties p = producerProps(kafkaProps);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < count; i++) {
                long n = first + i;
                Article a = generator.article(n);
                byte[] value = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, null, a.fetchedAt().toEpochMilli(), a.id(),
                        value), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (failure.get() != null) {
                    break;
                }
                if ((i + 1) % 1000 == 0) {
                    progress.accept(i + 1);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new KafkaException("loading the archive failed: " + failure.get().getMessage(), failure.get());
        }
        progress.accept(count);
        return new Loaded(count, bytes, Duration.ofNanos(System.nanoTime() - start));
    }
}
