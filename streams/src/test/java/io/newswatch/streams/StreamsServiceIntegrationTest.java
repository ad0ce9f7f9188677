package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real embedded broker with exactly_once_v2, read back by a read_committed consumer. */
class StreamsServiceIntegrationTest {

    @Test
    @Timeout(90)
    void articlesBecomeCommittedAlerts(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            NewswatchConfig config = NewswatchConfig.defaults()
                    .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                    .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-it")
                    .with(ConfigKeys.PROCESSING_GUARANTEE, "exactly_once_v2")
                    .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                    .with(ConfigKeys.STATE_DIR, stateDir.toString());
            Instant now = Instant.parse("2025-03-01T08:00:00Z");
            Article pact = Article.of("https://news.example/pact", "it", "Pact", null, now, now, "en",
                    "Putin and Kim Jong Un signed a defence pact in Pyongyang.");
            Article shells = Article.of("https://news.example/shells", "it", "Shells", null, now, now, "en",
                    "Officials said North Korea shipped artillery shells to Russia in breach of UN sanctions.");
            Article weather = Article.of("https://news.example/rain", "it", "Rain", null, now, now, "en",
                    "Heavy rain is expected in Seoul this weekend.");

            try (StreamsService service = new StreamsService(config, config.kafkaClientProperties(),
                    Tagger.withDefaultRules())) {
                service.start();
                assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);

                try (KafkaProducer<String, Article> producer =
                        CommittedTopics.articleProducer(kafka.bootstrapServers())) {
                    for (Article a : List.of(pact, shells, weather)) {
                        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).get();
                    }
                }

                Properties consumerProps = new Properties();
                consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
                consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
                consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                Map<String, Alert> alerts = new ConcurrentHashMap<>();
                try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(consumerProps,
                        Topics.ALERTS.keySerde().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
                    consumer.subscribe(List.of(Topics.ALERTS.name()));
                    await().atMost(Duration.ofSeconds(45)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.put(r.key(), r.value()));
                        return alerts.size() >= 3;
                    });
                }
                assertThat(alerts.keySet()).containsExactlyInAnyOrder(
                        Ids.alertId("ru-kp", pact.id()),
                        Ids.alertId("ru-kp", shells.id()),
                        Ids.alertId("sanctions-violation", shells.id()));
                assertThat(alerts.get(Ids.alertId("sanctions-violation", shells.id())).firstEvidence())
                        .contains("artillery shells");
            }
        }
    }
}
