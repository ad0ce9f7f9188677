package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicWriter;
import io.newswatch.model.topics.TopicSpec;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.rules.RuleRecords;
import io.newswatch.streams.rules.RuleRecordsTest;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several streams instances on a real embedded broker with exactly_once_v2: one stopped mid-stream loses and
 * duplicates nothing (read back by a read_committed consumer, by key); rules pushed to news.rules reach a running
 * instance and its per-rule topic.
 */
class StreamsScaleOutIntegrationTest {
    private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
    private static final String[] CITIES = {"Vladivostok", "Khabarovsk", "Nakhodka", "Ussuriysk", "Rason"};

    private static NewswatchConfig config(EmbeddedKafka kafka, Path stateDir) {
        return NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-scale")
                .with(ConfigKeys.PROCESSING_GUARANTEE, "exactly_once_v2")
                .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                .with(ConfigKeys.STATE_DIR, stateDir.toString());
    }

    /** Short, distinct items: too short to fingerprint, so each is a story of its own. */
    private static Article item(int i) {
        return Article.of("https://wire.example/items/" + i, "wire", "Item " + i, null, T0.plusSeconds(i),
                T0.plusSeconds(i), "en", "Putin and Kim Jong Un met in " + CITIES[i % CITIES.length] + " on day " + i
                        + ".");
    }

    private static <V> List<String> committedKeys(EmbeddedKafka kafka, TopicSpec<String, V> topic, int atLeast) {
        return CommittedTopics.committedKeys(kafka.bootstrapServers(), topic, atLeast, Duration.ofSeconds(90));
    }

    @Test
    @Timeout(240)
    void anInstanceStoppedMidStreamLosesAndDuplicatesNothing(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        int total = 40;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary());
             KafkaProducer<String, Article> producer = CommittedTopics.articleProducer(kafka.bootstrapServers())) {
            StreamsService a = new StreamsService(config(kafka, dirA), config(kafka, dirA).kafkaClientProperties(),
                    Tagger.withDefaultRules());
            a.start();
            try (StreamsService b = new StreamsService(config(kafka, dirB), config(kafka, dirB)
                    .kafkaClientProperties(), Tagger.withDefaultRules())) {
                b.start();
                for (int i = 0; i < total; i++) {
                    Article x = item(i);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), x.id(), x)).get();
                    if (i == total / 2) {
                        a.close(); // mid-stream: its tasks move to b
                    }
                    Thread.sleep(25);
                }
                List<String> tagged = committedKeys(kafka, Topics.TAGGED, total);
                assertThat(tagged).as("every article tagged exactly once").doesNotHaveDuplicates().hasSize(total);
                List<String> alerts = committedKeys(kafka, Topics.ALERTS, total);
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < total; i++) {
                    expected.add(Ids.alertId("ru-kp", item(i).id()));
                }
                assertThat(alerts).as("one ru-kp alert per article, none lost, none twice")
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            } finally {
                a.close();
            }
        }
    }

    @Test
    @Timeout(180)
    void rulesPushedToTheTopicReachARunningInstanceAndTheirOwnTopics(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary());
             KafkaProducer<String, Article> producer = CommittedTopics.articleProducer(kafka.bootstrapServers());
             StreamsService service = new StreamsService(config(kafka, dir), config(kafka, dir)
                     .kafkaClientProperties(), Tagger.withDefaultRules())) {
            service.start();
            Properties props = config(kafka, dir).kafkaClientProperties();
            CompactedTopicWriter.sync(props, "test", Topics.RULES, RuleRecords.split(RuleRecordsTest.PORTS, "ports"));

            TopicSpec<String, Alert> kpPort = Topics.alertsForRule("kp-port");
            Properties c = new Properties();
            c.putAll(props);
            c.put(ConsumerConfig.GROUP_ID_CONFIG, "kp-port-reader");
            c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            List<Alert> seen = new ArrayList<>();
            int[] n = {0};
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                // the reload is asynchronous: keep publishing new articles until one is tagged by the pushed rules
                Article a = Article.of("https://harbour.example/" + (++n[0]), "harbour", "Tanker", null, T0, T0, "en",
                        "A Russian tanker docked at the pier in Rajin, North Korea, on day " + n[0] + ".");
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).get();
                try (var consumer = new KafkaConsumer<>(c, kpPort.keySerde().deserializer(),
                        kpPort.valueSerde().deserializer())) {
                    consumer.subscribe(List.of(kpPort.name()));
                    consumer.poll(Duration.ofMillis(1500)).forEach(r -> seen.add(r.value()));
                }
                return !seen.isEmpty();
            });
            assertThat(seen).allSatisfy(al -> assertThat(al.ruleId()).isEqualTo("kp-port"));
            assertThat(seen.get(0).severity()).isEqualTo("critical");
        }
    }
}
