package io.newswatch.cli.bench;

import io.newswatch.benchmarks.JitWarmUp;
import io.newswatch.model.Article;
import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The two limits a replay is judged against, measured in the same run as the replay: how fast the archive can be
 * read at all (its records consumed with the replay's consumer settings and no processing), and how fast the
 * machine can tag (the tagging and events of the same kind of articles on every core, with nothing else running).
 * A replay cannot beat the lower of the two.
 */
public final class ReplayCeilings {
    private ReplayCeilings() {
    }

    /** Reads {@code news.articles} from its beginning to its end offsets, touching nothing but the bytes. */
    public static Rate rawRead(Properties props) {
        long[] countAndBytes = new long[2];
        long start = System.nanoTime();
        scanArchive(props, "newswatch-bench-raw-read", r -> {
            countAndBytes[0]++;
            countAndBytes[1] += r.value() == null ? 0 : r.value().length;
        });
        return new Rate(countAndBytes[0], countAndBytes[1], Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Hands every record of {@code news.articles}, from its beginning to the end offsets it has now, to
     * {@code each}, with the replay's consumer settings and no consumer group; the one way the benchmarks read the
     * archive back.
     */
    public static void scanArchive(Properties props, String clientId, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Properties p = ClientProperties.groupless(props, clientId);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(i -> new TopicPartition(Topics.ARTICLES.name(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }

    /** The tagging ceiling and how its warm-up ended (null when there was none). */
    public record Tagging(Rate rate, JitWarmUp.Result warmUp) {
    }

    /**
     * Tags the articles' texts on {@code threads} threads, each text once, timed after a warm-up: passes over the
     * same texts until the JIT compiler is done with them ({@link JitWarmUp}), for at most {@code warmUpCap}; with a
     * zero cap, one untimed pass. The text bytes are counted in UTF-8. Why the warm-up: with one C2 compiler thread
     * (the JVM's choice on two cores) the tagger is still being compiled minutes into a benchmark, and a ceiling taken
     * then is too low (about 33,000 articles/s against 55,000 with the compiler done, in the same hour).
     */
    public static Tagging tagging(Tagger tagger, List<Article> articles, int threads, Duration warmUpCap)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            JitWarmUp.Result warmUp = null;
            if (warmUpCap.isZero()) {
                run(pool, tagger, articles, threads);
            } else {
                warmUp = JitWarmUp.run(() -> {
                    try {
                        run(pool, tagger, articles, threads);
                    } catch (Exception e) {
                        throw new IllegalStateException("tagging failed while warming up", e);
                    }
                }, warmUpCap);
            }
            long start = System.nanoTime();
            long bytes = run(pool, tagger, articles, threads);
            return new Tagging(new Rate(articles.size(), bytes, Duration.ofNanos(System.nanoTime() - start)), warmUp);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long run(ExecutorService pool, Tagger tagger, List<Article> articles, int threads)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<Long>> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                long bytes = 0;
                for (int i = next.getAndIncrement(); i < articles.size(); i = next.getAndIncrement()) {
                    String text = articles.get(i).text();
                    tagger.tag(text);
                    bytes += text.length(); // close to UTF-8 bytes for the generated English text
                }
                return bytes;
            }));
        }
        long bytes = 0;
        for (Future<Long> w : workers) {
            bytes += w.get();
        }
        return bytes;
    }
}
