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
        Properties p = (Properties) kafkaProps.clone();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-bench-loader");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long n = 0; n < count; n++) {
                Article a = generator.article(n);
                byte[] value = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), a);
                bytes += value.length;
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, a.fetchedAt().toEpochMilli(), a.id(),
                        value), (md, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                if (failure.get() != null) {
                    break;
                }
                if ((n + 1) % 1000 == 0) {
                    progress.accept(n + 1);
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
