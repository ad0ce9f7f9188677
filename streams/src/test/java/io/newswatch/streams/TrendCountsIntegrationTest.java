package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.TrendCountsQuery.CountsUnavailableException;
import io.newswatch.streams.TrendCountsQuery.HourlyCount;
import io.newswatch.tagger.Tagger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interactive queries of the trend counts and the Kafka Streams meters, on a real embedded broker. */
class TrendCountsIntegrationTest {
    private static final Instant PUBLISHED = Instant.parse("2025-03-01T08:20:00Z");
    private static final Instant HOUR = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path stateDir;

    private static NewswatchConfig config(EmbeddedKafka kafka, Path stateDir) {
        return NewswatchConfig.defaults()
                .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-counts-it")
                .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                .with(ConfigKeys.STATE_DIR, stateDir.toString());
    }

    private static Properties kafkaProps(NewswatchConfig config, String applicationServer) {
        Properties props = config.kafkaClientProperties();
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        return props;
    }

    private static void publishTwoRuKpArticles(EmbeddedKafka kafka) throws ExecutionException, InterruptedException {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerProps,
                Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
            for (String slug : List.of("pact", "talks")) {
                Article a = Article.of("https://news.example/" + slug, "it", slug, null, PUBLISHED,
                        PUBLISHED.plusSeconds(600), "en", "Putin and Kim Jong Un met in Pyongyang.");
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), a.id(), a)).get();
            }
        }
    }

    @ParameterizedTest(name = "application.server set: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(120)
    void aLoneInstanceAnswersEveryKeyAndBindsItsMetrics(boolean withApplicationServer) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            NewswatchConfig config = config(kafka, stateDir);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            StreamsService notStarted = new StreamsService(config, config.kafkaClientProperties(),
                    Tagger.withDefaultRules());
            assertThatThrownBy(() -> notStarted.counts("RU", HOUR, HOUR.plusSeconds(3600)))
                    .isInstanceOf(CountsUnavailableException.class);

            try (StreamsService service = new StreamsService(config,
                    kafkaProps(config, withApplicationServer ? "127.0.0.1:1" : null), Tagger.withDefaultRules(),
                    registry)) {
                service.start();
                publishTwoRuKpArticles(kafka);

                // each key is counted by the task that owns it, so keys catch up independently
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .ignoreException(CountsUnavailableException.class).untilAsserted(() -> {
                            assertThat(service.counts("ru-kp", HOUR, HOUR.plusSeconds(7200)).total()).isEqualTo(2);
                            assertThat(service.counts("KP", HOUR, HOUR.plusSeconds(3600)).total()).isEqualTo(2);
                            assertThat(service.counts("RU", HOUR, HOUR.plusSeconds(3600)).total()).isEqualTo(2);
                        });
                assertThat(service.counts("ru-kp", HOUR, HOUR.plusSeconds(7200)).hours())
                        .extracting(HourlyCount::count).containsExactly(2L, 0L);
                assertThat(service.counts("CN", HOUR, HOUR.plusSeconds(3600)).total()).isZero();

                assertThat(registry.getMeters()).extracting(m -> m.getId().getName())
                        .anyMatch(name -> name.startsWith("kafka.stream"));
            }
        }
    }

    @Test
    @Timeout(150)
    void withTwoInstancesEachKeyIsAnsweredByItsOwnerAndTheOtherNamesIt(@TempDir Path otherStateDir)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            NewswatchConfig first = config(kafka, stateDir);
            NewswatchConfig second = config(kafka, otherStateDir);
            try (StreamsService a = new StreamsService(first, kafkaProps(first, "127.0.0.1:1"),
                    Tagger.withDefaultRules());
                 StreamsService b = new StreamsService(second, kafkaProps(second, "127.0.0.1:2"),
                         Tagger.withDefaultRules())) {
                a.start();
                b.start();
                publishTwoRuKpArticles(kafka);

                for (String key : List.of("RU", "KP", "ru-kp")) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                        Answer fromA = ask(a, key);
                        Answer fromB = ask(b, key);
                        assertThat(fromA.total == 2 ^ fromB.total == 2).as("exactly one instance holds " + key)
                                .isTrue();
                        Answer refused = fromA.total == 2 ? fromB : fromA;
                        assertThat(refused.owner).isEqualTo(fromA.total == 2 ? "127.0.0.1:1" : "127.0.0.1:2");
                    });
                }
            }
        }
    }

    private record Answer(long total, String owner) {
    }

    private static Answer ask(StreamsService service, String key) {
        try {
            return new Answer(service.counts(key, HOUR, HOUR.plusSeconds(3600)).total(), null);
        } catch (CountsUnavailableException e) {
            return new Answer(-1, e.owner());
        }
    }
}
