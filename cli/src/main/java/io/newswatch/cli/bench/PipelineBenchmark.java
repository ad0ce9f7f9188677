package io.newswatch.cli.bench;

import io.newswatch.alerts.AlertsService;
import io.newswatch.alerts.DeliveryPlan;
import io.newswatch.alerts.receiver.JsonlFileReceiver;
import io.newswatch.benchmarks.synthetic.SyntheticArticles;
import io.newswatch.cli.internal.KafkaConnection;
import io.newswatch.cli.internal.Lifecycle;
import io.newswatch.cli.internal.PipelineProgress;
import io.newswatch.cli.internal.StreamsRuntime;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.StreamsService;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline (the Streams topology with its configured guarantee, and the alerts service delivering to a
 * file) on one cluster, measured two ways: throughput, by loading N articles as fast as the broker takes them and
 * timing until the last alert is in the file; latency, by offering articles at a steady rate and timing each
 * first alert from the article's send to its delivery. The clock is this JVM's {@link System#nanoTime()} on both
 * ends, so no clock skew enters.
 */
public final class PipelineBenchmark implements AutoCloseable {
    private static final Duration WAIT = Duration.ofMinutes(10);

    /** Throughput of one load. */
    public record Throughput(long articles, long bytes, long alerts, Duration took, Map<String, Long> cpuNanos) {
        public Throughput(long articles, long bytes, long alerts, Duration took) {
            this(articles, bytes, alerts, took, Map.of());
        }

        public double articlesPerSecond() {
            return articles / Math.max(took.toNanos() / 1e9, 1e-9);
        }

        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    /**
     * Publish-to-delivery latency of first alerts at an offered rate.
     *
     * @param samplesNanos    the latencies, in the order the articles were sent
     * @param memoryByQuarter the process's memory at the end of each quarter of the sends (empty for a part)
     */
    public record Latency(int rate, long sent, List<Long> samplesNanos, List<MemoryUse> memoryByQuarter) {
        /** Without memory figures. */
        public Latency(int rate, long sent, List<Long> samplesNanos) {
            this(rate, sent, samplesNanos, List.of());
        }

        /** The latencies of the articles sent in the part {@code [from, to)} of the run (0..1). */
        public Latency part(double from, double to) {
            int n = samplesNanos.size();
            return new Latency(rate, sent, samplesNanos.subList((int) (from * n), (int) (to * n)));
        }

        /** The q-quantile (0..1) in milliseconds, nearest rank. */
        public double percentileMillis(double q) {
            if (samplesNanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(samplesNanos);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(rank, sorted.size() - 1))) / 1e6;
        }
    }

    private final KafkaConnection kafka;
    private final Properties props;
    private final Lifecycle lifecycle = new Lifecycle();
    private final Map<String, long[]> sentAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> latencies = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicLong lastDelivered = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private AlertsService alerts;

    /** @param kafka the cluster, with the configuration the services run with */
    public PipelineBenchmark(KafkaConnection kafka) {
        this.kafka = kafka;
        this.props = kafka.clientProperties();
    }

    /**
     * Starts streams and alerts (alerts to a JSON Lines file at {@code alertsFile}) and waits until Streams runs.
     */
    public void start(Path alertsFile) throws InterruptedException {
        try (Admin admin = Admin.create(props)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        StreamsService streams = StreamsRuntime.start(lifecycle, kafka, Tagger.withDefaultRules());
        alerts = lifecycle.add(new AlertsService(kafka.config(), props,
                DeliveryPlan.everyReceiver(List.of(new JsonlFileReceiver(alertsFile)))));
        alerts.onDelivered(alert -> {
            long now = System.nanoTime();
            lastDelivered.set(now);
            delivered.incrementAndGet();
            long[] sent = alert.revision() == 0 ? sentAt.remove(alert.articleId()) : null;
            if (sent != null) {
                latencies.put(sent[1], now - sent[0]);
            }
        });
        alerts.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka Streams did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(100);
        }
    }

    /**
     * Loads the batch as fast as possible and waits until the pipeline is idle again:
     * Streams has committed every article and story candidate, and the alerts service every alert.
     */
    public Throughput throughput(ArticleBatch batch, LongConsumer progress) throws InterruptedException {
        long count = batch.size();
        long alertsBefore = delivered.get();
        CpuByThreadGroup cpu = new CpuByThreadGroup();
        long start = System.nanoTime();
        Rate loaded = ArchiveLoader.load(props, Topics.ARTICLES.name(), batch, progress);
        awaitIdle();
        long end = Math.max(lastDelivered.get(), start + loaded.took().toNanos());
        return new Throughput(count, loaded.bytes(), delivered.get() - alertsBefore, Duration.ofNanos(end - start),
                cpu.sinceStart());
    }

    /**
     * Offers {@code rate} articles a second for {@code duration}, from article {@code first}, and measures the
     * latency of every first alert they raise.
     */
    public Latency latency(SyntheticArticles generator, long first, int rate, Duration duration)
            throws InterruptedException {
        return paced(generator, first, rate, duration, true);
    }

    /**
     * As {@link #latency}, without first waiting for the process to be quiet: a warm-up round of the paced path
     * (a broker whose fetches wait for data, small producer batches), which a saturating load never takes.
     */
    public Latency pacedWarmUp(SyntheticArticles generator, long first, int rate, Duration duration)
            throws InterruptedException {
        return paced(generator, first, rate, duration, false);
    }

    private Latency paced(SyntheticArticles generator, long first, int rate, Duration duration, boolean quietFirst)
            throws InterruptedException {
        latencies.clear();
        sentAt.clear();
        Properties p = (Properties) props.clone();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "newswatch-bench-latency");
        int count = (int) (rate * duration.toSeconds());
        ArticleBatch batch = ArticleBatch.generate(generator, first, count);
        if (quietFirst) {
            awaitQuiet();
        }
        long intervalNanos = 1_000_000_000L / rate;
        List<MemoryUse> memory = new ArrayList<>(4);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            // An ingester's producer lives as long as the ingester: its first metadata fetch is no part of the
            // steady state measured here, so it happens before the clock starts.
            producer.partitionsFor(Topics.ARTICLES.name());
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                sentAt.put(batch.id((int) i), new long[] {System.nanoTime(), i});
                // stamped with the article's fetch time, as an ingester's send stamps it live: the story step's
                // stream time then follows the feed's clock, which a wall-clock stamp on a feed dated 2025 would
                // move years ahead, closing every open story at once
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), null, batch.timestamp((int) i),
                        batch.key((int) i), batch.value((int) i)));
                if (memory.size() < 4 && i + 1 == (long) count * (memory.size() + 1) / 4) {
                    memory.add(MemoryUse.now()); // the end of a quarter of the sends
                }
            }
            producer.flush();
        }
        awaitIdle();
        return new Latency(rate, count, List.copyOf(latencies.values()), List.copyOf(memory));
    }

    /**
     * Waits until every article, story candidate and alert written so far is committed by its consumer, and says
     * on standard error when each stage caught up (seconds from the call): where the time goes.
     */
    private void awaitIdle() throws InterruptedException {
        NewswatchConfig config = kafka.config();
        String streamsGroup = config.get(ConfigKeys.STREAMS_APPLICATION_ID);
        String alertsGroup = config.get(ConfigKeys.ALERTS_GROUP_ID);
        long start = System.nanoTime();
        long deadline = start + WAIT.toNanos();
        String[] stages = {"articles tagged", "story step", "trend counts", "alerts delivered"};
        double[] at = new double[stages.length];
        try (Admin admin = Admin.create(props)) {
            boolean done = false;
            while (!done) {
                boolean[] now = {caughtUp(admin, streamsGroup, Topics.ARTICLES.name()),
                        caughtUp(admin, streamsGroup, Topics.STORY_CANDIDATES.name()),
                        // trend counts read news.trend.keys and then their own repartition topic: every partition
                        // the group commits must be at its end, or the next phase competes with their backlog
                        caughtUp(admin, streamsGroup, Topics.TREND_KEYS.name())
                                && caughtUpEverywhere(admin, streamsGroup),
                        caughtUp(admin, alertsGroup, Topics.ALERTS.name())};
                done = true;
                for (int i = 0; i < stages.length; i++) {
                    if (now[i] && at[i] == 0) {
                        at[i] = (System.nanoTime() - start) / 1e9;
                    } else if (!now[i]) {
                        at[i] = 0;
                        done = false;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline did not catch up within " + WAIT.toMinutes()
                            + " min");
                }
                if (!done) {
                    Thread.sleep(200); // each check costs the broker three requests: do not steal its CPU
                }
            }
        }
        StringBuilder line = new StringBuilder("caught up after the last send:");
        for (int i = 0; i < stages.length; i++) {
            line.append(String.format(java.util.Locale.ROOT, "%s %s %.1f s", i == 0 ? "" : ",", stages[i], at[i]));
        }
        System.err.println(line);
    }

    /** Whether every partition {@code group} has committed an offset on is committed up to its end. */
    private static boolean caughtUpEverywhere(Admin admin, String group) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = PipelineProgress.committed(admin, group);
        return PipelineProgress.committedTo(committed, PipelineProgress.logEnds(admin, committed.keySet()));
    }

    /** Whether {@code group} is committed up to the log end of every non-empty partition of {@code topic}. */
    private static boolean caughtUp(Admin admin, String group, String topic) throws InterruptedException {
        return PipelineProgress.committedTo(PipelineProgress.committed(admin, group),
                PipelineProgress.logEnds(admin, PipelineProgress.partitionsOf(admin, topic)));
    }

    /**
     * Waits until this process has used less than a tenth of a core for a whole second (at most a minute), and says
     * on standard error how long that took: after a saturating load, RocksDB compactions, the broker's log cleaner
     * and the garbage collector go on working for a while, and a latency run started then would measure that
     * aftermath rather than the steady state the offered rate keeps.
     */
    private static void awaitQuiet() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(1).toNanos();
        long cpu = os.getProcessCpuTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            long now = os.getProcessCpuTime();
            boolean quiet = now - cpu < 100_000_000L;
            cpu = now;
            if (quiet) {
                break;
            }
        }
        System.err.printf(java.util.Locale.ROOT, "quiet after %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Stops alerts, then streams. */
    @Override
    public void close() {
        lifecycle.close();
    }
}
