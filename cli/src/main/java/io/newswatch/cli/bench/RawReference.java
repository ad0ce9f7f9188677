package io.newswatch.cli.bench;

import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The physical limit the pipeline is judged against: the benchmark's records produced ({@link ArchiveLoader}, the
 * same producer settings) and consumed once ({@code read_committed}, as every newswatch reader) on the same broker,
 * with no processing, timed from the first send to the last record consumed; with the CPU time its threads used
 * (producer, broker, reader).
 */
public final class RawReference {
    /** The thread group of the reader's CPU time in {@link PipelineBenchmark.Throughput#cpuNanos()}. */
    public static final String CONSUMER_GROUP = "consumer";
    private static final String READER_THREAD = "newswatch-bench-raw-reader";

    private RawReference() {
    }

    /** Produces and consumes the batch once through {@link Topics#BENCH_RAW}. */
    public static PipelineBenchmark.Throughput measure(Properties props, ArticleBatch batch)
            throws InterruptedException {
        long count = batch.size();
        try (Admin admin = Admin.create(props)) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.BENCH_RAW));
        }
        Properties p = (Properties) props.clone();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "newswatch-bench-raw");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        AtomicLong consumed = new AtomicLong();
        AtomicLong lastAt = new AtomicLong();
        // the reader's own CPU time, taken by the reader as it finishes: once it has ended, no snapshot can see it
        AtomicLong readerCpuNanos = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> parts = consumer.partitionsFor(Topics.BENCH_RAW.name()).stream()
                        .map(i -> new TopicPartition(Topics.BENCH_RAW.name(), i.partition())).toList();
                consumer.assign(parts);
                Map<TopicPartition, Long> end = consumer.endOffsets(parts);
                end.forEach(consumer::seek);
                ready.countDown();
                while (consumed.get() < count) {
                    int n = consumer.poll(Duration.ofMillis(100)).count();
                    if (n > 0) {
                        consumed.addAndGet(n);
                        lastAt.set(System.nanoTime());
                    }
                }
            } finally {
                readerCpuNanos.set(Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
                ready.countDown();
                done.countDown();
            }
        }, READER_THREAD);
        reader.setDaemon(true);
        CpuByThreadGroup cpu = new CpuByThreadGroup();
        reader.start();
        ready.await();
        long start = System.nanoTime();
        Rate loaded = ArchiveLoader.load(props, Topics.BENCH_RAW.name(), batch, n -> { });
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the raw reader consumed " + consumed.get() + " of " + count);
        }
        Map<String, Long> cpuNanos = new LinkedHashMap<>(cpu.sinceStart(READER_THREAD));
        cpuNanos.put(CONSUMER_GROUP, readerCpuNanos.get());
        return new PipelineBenchmark.Throughput(count, loaded.bytes(), 0, Duration.ofNanos(lastAt.get() - start),
                cpuNanos);
    }
}
