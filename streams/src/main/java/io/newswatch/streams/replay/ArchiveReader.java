package io.newswatch.streams.replay;

import io.newswatch.model.topics.ClientProperties;
import io.newswatch.model.Article;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
 * <p>Work on all cores, results in order: each record is decoded and given to the caller's {@link Work} on one of
 * {@code threads} worker threads, in chunks, while the reading thread fetches the next records; the results are then
 * handed to the {@link Visitor} on the reading thread in archive order (partition by partition within a poll, as
 * the consumer returns them), so what a visitor builds is the same whatever the number of threads. At most a few
 * chunks per thread are in flight, which bounds the memory the articles in flight take.
 *
 * <p>Failure behaviour: a record that is not a readable article is counted, logged at WARN with its partition and
 * offset, and skipped; a tombstone is skipped silently (the article was removed from the archive). A read that
 * makes no progress for a minute fails with {@link IllegalStateException}. An exception thrown by the work ends the
 * read with that exception. A cancellation is noticed within one poll and ends the read with
 * {@link ReplayCancelledException}. The worker threads end with the read, however it ends.
 */
public final class ArchiveReader {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveReader.class);
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);
    /** Records a worker takes at once: enough to make handing over cheap against tagging them. */
    static final int CHUNK = 32;
    /** Chunks in flight per worker: enough to keep every worker busy while the reader polls. */
    private static final int IN_FLIGHT_PER_THREAD = 4;

    /** What is done with each readable article, on any worker thread, in any order: it must be thread-safe. */
    @FunctionalInterface
    public interface Work<R> {
        R apply(Article article, long timestamp);
    }

    /** Receives each readable article, its record time (ms) and its work's result, on the reading thread, in order. */
    @FunctionalInterface
    public interface Visitor<R> {
        void article(Article article, long timestamp, R result);
    }

    /** Told how far the read is: records read of the total to read. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    /** What a read saw. */
    public record Counts(long read, long unreadable) {
    }

    /** One record after the work: its article and result, or why it could not be read. */
    private record Done<R>(Article article, long timestamp, R result, String unreadable, int partition,
                           long offset) {
    }

    private final Properties kafkaProps;
    private final String clientId;
    private final int threads;
    private final int chunkSize;

    /**
     * @param kafkaProps connection properties; copied
     * @param clientId   client id of the reading consumer
     * @param threads    worker threads that decode and work on the articles (1: one worker besides the reader)
     */
    public ArchiveReader(Properties kafkaProps, String clientId, int threads) {
        this(kafkaProps, clientId, threads, CHUNK);
    }

    /** With the records a worker takes at once, which tests make small so that a small archive spans many. */
    ArchiveReader(Properties kafkaProps, String clientId, int threads, int chunkSize) {
        if (threads < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("threads and chunk size must be at least 1");
        }
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.clientId = clientId;
        this.threads = threads;
        this.chunkSize = chunkSize;
    }

    /**
     * Reads every record up to the end offsets of now.
     *
     * @throws ReplayCancelledException when {@code cancelled} turns true
     */
    public <R> Counts read(Work<R> work, Visitor<R> visitor, Progress progress, BooleanSupplier cancelled) {
        Properties p = ClientProperties.groupless(kafkaProps, clientId);
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        long read = 0;
        long[] unreadable = {0};
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads(clientId));
        Deque<Future<List<Done<R>>>> inFlight = new ArrayDeque<>();
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
                List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>(chunkSize);
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // arrived after the replay started
                    }
                    read++;
                    if (r.value() == null) {
                        continue;
                    }
                    chunk.add(r);
                    if (chunk.size() == chunkSize) {
                        submit(workers, inFlight, chunk, work);
                        chunk = new ArrayList<>(chunkSize);
                        while (inFlight.size() > threads * IN_FLIGHT_PER_THREAD) {
                            apply(inFlight.removeFirst(), visitor, unreadable);
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    submit(workers, inFlight, chunk, work);
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                    progress.update(read, total);
                } else if (System.nanoTime() - lastProgress > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("cannot read " + Topics.ARTICLES.name() + " to its end offsets "
                            + end);
                }
            }
            while (!inFlight.isEmpty()) {
                apply(inFlight.removeFirst(), visitor, unreadable);
            }
            progress.update(read, total);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
        return new Counts(read, unreadable[0]);
    }

    private static <R> void submit(ExecutorService workers, Deque<Future<List<Done<R>>>> inFlight,
                                   List<ConsumerRecord<byte[], byte[]>> chunk, Work<R> work) {
        inFlight.addLast(workers.submit(() -> {
            List<Done<R>> done = new ArrayList<>(chunk.size());
            for (ConsumerRecord<byte[], byte[]> r : chunk) {
                Article article;
                try {
                    article = Topics.ARTICLES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                } catch (RuntimeException e) {
                    done.add(new Done<>(null, r.timestamp(), null, String.valueOf(e.getMessage()), r.partition(),
                            r.offset()));
                    continue;
                }
                done.add(new Done<>(article, r.timestamp(), work.apply(article, r.timestamp()), null, r.partition(),
                        r.offset()));
            }
            return done;
        }));
    }

    private static <R> void apply(Future<List<Done<R>>> future, Visitor<R> visitor, long[] unreadable) {
        List<Done<R>> done;
        try {
            done = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayCancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        for (Done<R> d : done) {
            if (d.unreadable() != null) {
                unreadable[0]++;
                LOG.warn("{}-{}@{} is not a readable article, skipped: {}", Topics.ARTICLES.name(), d.partition(),
                        d.offset(), d.unreadable());
            } else {
                visitor.article(d.article(), d.timestamp(), d.result());
            }
        }
    }

    private static ThreadFactory daemonThreads(String clientId) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, clientId + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }
}
