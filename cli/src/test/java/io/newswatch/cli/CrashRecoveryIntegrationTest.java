package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newswatch alerts} and {@code newswatch streams} run as child processes against an embedded broker on
 * 127.0.0.1, are killed with SIGKILL ({@link Process#destroyForcibly()}, so nothing leaves the group or aborts a
 * transaction) and started again with the same configuration. The restarted instance must deliver (alerts) or tag
 * (streams) a record produced after the restart within 10 s of being started, JVM start included: it takes its
 * partitions back as the same static group member instead of waiting out the dead member's 45 s session.
 */
class CrashRecoveryIntegrationTest {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIntegrationTest.class);
    private static final Duration RESUME_BOUND = Duration.ofSeconds(10);
    private static final Duration FIRST_START = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static EmbeddedKafka kafka;
    private final List<Process> children = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(180)
    void alertsRestartedAfterKillDeliversWithinTenSeconds() throws Exception {
        Path delivered = dir.resolve("alerts.jsonl");
        Path config = config("""
                alerts.group.id: crash-alerts
                alerts.console: false
                alerts.file: %s
                """.formatted(delivered));
        try (KafkaProducer<String, Alert> producer = producer(Topics.ALERTS.valueSerde().serializer())) {
            Process first = start("alerts-1", config, "alerts");
            Alert before = alert("before-kill");
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), before.id(), before)).get();
            await().atMost(FIRST_START).pollInterval(Duration.ofMillis(50))
                    .until(() -> contains(delivered, before.id()));
            kill(first);

            long began = System.nanoTime();
            start("alerts-2", config, "alerts");
            Alert after = alert("after-kill");
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), after.id(), after)).get();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> contains(delivered, after.id()));
            double seconds = (System.nanoTime() - began) / 1e9;
            LOG.info("alerts: restarted after kill -9, delivered a new alert {} s after the new process started",
                    String.format("%.1f", seconds));
            assertThat(seconds).as("seconds from restart to the first new delivery")
                    .isLessThan(RESUME_BOUND.toSeconds());
        }
    }

    @Test
    @Timeout(180)
    void streamsRestartedAfterKillTagsWithinTenSeconds() throws Exception {
        Path config = config("""
                streams.application.id: crash-streams
                streams.state.dir: %s
                """.formatted(dir.resolve("state")));
        try (KafkaProducer<String, Article> producer = producer(Topics.ARTICLES.valueSerde().serializer());
             TaggedKeys tagged = new TaggedKeys()) {
            Process first = start("streams-1", config, "streams");
            Article before = article("before-kill");
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), before.id(), before)).get();
            await().atMost(FIRST_START).pollInterval(Duration.ZERO).until(() -> tagged.poll(before.id()));
            kill(first);

            long began = System.nanoTime();
            start("streams-2", config, "streams");
            Article after = article("after-kill");
            producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), after.id(), after)).get();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> tagged.poll(after.id()));
            double seconds = (System.nanoTime() - began) / 1e9;
            LOG.info("streams: restarted after kill -9, tagged a new article {} s after the new process started",
                    String.format("%.1f", seconds));
            assertThat(seconds).as("seconds from restart to the first new tagged article")
                    .isLessThan(RESUME_BOUND.toSeconds());
        }
    }

    /** A config file for the child: the broker, a fixed instance id, and the test's own keys. */
    private Path config(String extra) throws IOException {
        Path file = dir.resolve("newswatch.yaml");
        Files.writeString(file, "kafka.bootstrap.servers: " + kafka.bootstrapServers() + "\n"
                + "kafka.instance.id: crash-test-1\n" + extra);
        return file;
    }

    /** {@code java -cp <this test's classpath> io.newswatch.cli.Newswatch <command> --config file}. */
    private Process start(String name, Path config, String command) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // kept after the test (the temporary directory is not), to read when a bound is missed
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "crash-recovery", name + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-cp", classpath,
                "-Djava.io.tmpdir=" + dir, Newswatch.class.getName(), command, "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(p);
        LOG.info("started {} as pid {} (output in {})", name, p.pid(), log);
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("killed child exited").isTrue();
        LOG.info("killed pid {} (exit {})", p.pid(), p.exitValue());
    }

    private static boolean contains(Path file, String text) throws IOException {
        return Files.exists(file) && Files.readString(file).contains(text);
    }

    private static <V> KafkaProducer<String, V> producer(org.apache.kafka.common.serialization.Serializer<V> values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, Topics.ALERTS.keySerde().serializer(), values);
    }

    private static Alert alert(String storyId) {
        String url = "https://wire.example/2026/03/" + storyId;
        return new Alert(Alert.SCHEMA_VERSION, Ids.alertId("port-watch", storyId), "port-watch", "Port watch", "1",
                "high", storyId, Ids.articleId(url), "Ferry held at Rason for inspection", url, "wire", T0,
                List.of("KP"), List.of("port-watch"), List.of(), T0.plusSeconds(60));
    }

    private static Article article(String slug) {
        return Article.of("https://wire.example/2026/03/" + slug, "wire", "Ferry held at Rason (" + slug + ")", null,
                T0, T0.plusSeconds(30), "en", "Port officials in Rason held a passenger ferry for inspection on "
                        + "Monday, the harbour master said.");
    }

    /** Keys committed on news.tagged, read as they arrive by a read_committed consumer with no group. */
    private static final class TaggedKeys implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        TaggedKeys() {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                    new StringDeserializer());
        }

        boolean poll(String key) {
            if (consumer.assignment().isEmpty()) {
                var partitions = consumer.partitionsFor(Topics.TAGGED.name(), Duration.ofSeconds(5));
                if (partitions == null || partitions.isEmpty()) {
                    return false;
                }
                var tps = partitions.stream().map(i -> new org.apache.kafka.common.TopicPartition(i.topic(),
                        i.partition())).toList();
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.key()));
            return seen.contains(key);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
