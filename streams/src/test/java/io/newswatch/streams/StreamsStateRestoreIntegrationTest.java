package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An instance loses its local state (its state directory deleted) and is started again: how long until it
 * processes again, measured and logged. Without standby replicas it restores every store from its changelog
 * first; with {@code streams.standby.replicas: 1} and a second instance, that instance holds warm copies and takes
 * over the tasks at once. Either way the state in use afterwards is the real one: articles processed before the loss
 * are recognised as seen and not tagged again.
 */
class StreamsStateRestoreIntegrationTest {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsStateRestoreIntegrationTest.class);
    private static final Instant T0 = Instant.parse("2026-05-04T07:00:00Z");
    private static final int HISTORY = 3_000;
    private static final int FRESH = 12;
    private static final String[] PORTS = {"Nampo", "Chongjin", "Rason", "Hungnam", "Wonsan", "Haeju"};

    private static Article item(int i) {
        return Article.of("https://wire.example/restore/" + i, "wire", "Shipping notice " + i, null,
                T0.plusSeconds(i), T0.plusSeconds(i), "en", "The cargo vessel number " + i + " left "
                        + PORTS[i % PORTS.length] + " for Vladivostok, port officials said.");
    }

    @ParameterizedTest(name = "standby replicas {0}, instances {1}")
    @CsvSource({"0, 1", "1, 2"})
    @Timeout(180)
    void anInstanceThatLostItsStateResumesWithItsStateRestored(int standbys, int instances, @TempDir Path dirA,
                                                               @TempDir Path dirB) throws Exception {
        String appId = "newswatch-restore-" + standbys;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary());
             KafkaProducer<String, Article> producer = CommittedTopics.articleProducer(kafka.bootstrapServers());
             KafkaConsumer<String, String> tagged = taggedReader(kafka.bootstrapServers())) {
            StreamsService a = start(kafka, appId, standbys, dirA);
            StreamsService b = instances > 1 ? start(kafka, appId, standbys, dirB) : null;
            try {
                for (int i = 0; i < HISTORY; i++) {
                    Article x = item(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), x.id(), x));
                }
                producer.flush();
                assertThat(CommittedTopics.committedKeys(kafka.bootstrapServers(), Topics.TAGGED, HISTORY,
                        Duration.ofSeconds(120))).hasSize(HISTORY);
                long changelogRecords = changelogRecords(kafka.bootstrapServers(), appId);
                if (standbys > 0) {
                    Thread.sleep(2_000); // the standby tasks read the changelogs' last commits
                }
                seekToEnd(tagged);

                long began = System.nanoTime();
                a.close();
                deleteTree(dirA);
                Set<String> expected = new HashSet<>();
                for (int i = HISTORY; i < HISTORY + FRESH; i++) {
                    Article x = item(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), x.id(), x));
                    expected.add(x.id());
                }
                // articles seen before the loss: the restored state must drop them
                for (int i = 0; i < FRESH; i++) {
                    Article x = item(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), x.id(), x));
                }
                producer.flush();
                List<String> seen = new ArrayList<>();
                double started = -1;
                if (b == null) {
                    a = start(kafka, appId, standbys, dirA);
                    started = (System.nanoTime() - began) / 1e9;
                }
                // with a second instance, it takes the tasks over (from its standby copies) while this one is gone
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).until(() -> {
                    tagged.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.key()));
                    return seen.containsAll(expected);
                });
                double resumed = (System.nanoTime() - began) / 1e9;
                if (b != null) {
                    a = start(kafka, appId, standbys, dirA);
                    started = (System.nanoTime() - began) / 1e9;
                }
                LOG.info("state lost with {} standby replica(s) and {} instance(s): {} changelog offsets; new "
                                + "articles tagged {} s after the loss, the instance running again after {} s",
                        standbys, instances, changelogRecords, String.format("%.1f", resumed), String.format("%.1f", started));
                for (int i = 0; i < 10; i++) {
                    tagged.poll(Duration.ofMillis(100)).forEach(r -> seen.add(r.key()));
                }
                assertThat(seen).as("only the new articles; those seen before the loss were recognised")
                        .containsExactlyInAnyOrderElementsOf(expected);
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private static StreamsService start(EmbeddedKafka kafka, String appId, int standbys, Path stateDir) {
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .with(ConfigKeys.STREAMS_APPLICATION_ID, appId)
                .with(ConfigKeys.STREAMS_STANDBY_REPLICAS, String.valueOf(standbys))
                .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                .with(ConfigKeys.STATE_DIR, stateDir.toString());
        StreamsService service = new StreamsService(config, config.kafkaClientProperties(), Tagger.withDefaultRules());
        service.start();
        return service;
    }

    private static KafkaConsumer<String, String> taggedReader(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new StringDeserializer());
    }

    private static void seekToEnd(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> tps = consumer.partitionsFor(Topics.TAGGED.name(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(tps);
        consumer.seekToEnd(tps);
        tps.forEach(consumer::position);
    }

    /** End offsets of the application's changelog topics: about what an instance without state reads back. */
    private static long changelogRecords(String bootstrap, String appId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> changelogs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(appId + "-") && n.endsWith("-changelog")).toList();
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            admin.describeTopics(changelogs).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(d ->
                    d.partitions().forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()),
                            OffsetSpec.latest())));
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(r -> r.offset()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.delete(p);
                }
            }
        }
    }
}
