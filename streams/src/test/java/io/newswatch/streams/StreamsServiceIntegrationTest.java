package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.CompactedTopicReader;
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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real embedded broker with exactly_once_v2, read back by a read_committed consumer: alerts, and
 * the violations ledger on news.events.
 */
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

                Properties reader = new Properties();
                reader.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                assertThat(CompactedTopicReader.read(reader, "it-ledger", Topics.EVENTS))
                        .as("the shells article's event, in the transaction of its alerts")
                        .containsKey(Ids.eventId(shells.id(), "munitions", "KP", "RU"));

                ledgerIsRevisedByANewOutletAndNotByARedelivery(kafka.bootstrapServers(), now);
            }
        }
    }

    /**
     * Two outlets' reports of one breach reach the story step, the first one twice (a re-delivery): news.events
     * ends with one record, revision 1, two reports. The tagger is bypassed (the candidates are written as the
     * tagging step writes them) so that the events are the test's own.
     */
    private static void ledgerIsRevisedByANewOutletAndNotByARedelivery(String bootstrap, Instant now)
            throws Exception {
        ViolationEvent event = new ViolationEvent("munitions", "KP", "RU", 1000L, "container",
                List.of("Najin", "Dunay"), List.of(), List.of(), List.of(), ViolationEvent.ASSERTED,
                "the White House", new ViolationEvent.Span("More than 1,000 containers were shipped.", 0, 40));
        long fingerprint = 0x5a5a_1234_9876_abcdL;
        List<StoryCandidate> candidates = new java.util.ArrayList<>();
        for (String outlet : List.of("wire", "wire", "daily")) {
            Article a = Article.of("https://" + outlet + ".example/containers", outlet, "Containers", null, now, now,
                    "en", "");
            candidates.add(new StoryCandidate(StoryCandidate.SCHEMA_VERSION, new TaggedArticle(
                    TaggedArticle.SCHEMA_VERSION, a, List.of("KP", "RU"), List.of("sanctions-violation"), List.of(),
                    List.of(), "1", now, List.of(event)), List.of(), fingerprint));
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, StoryCandidate> producer = new KafkaProducer<>(p,
                Topics.STORY_CANDIDATES.keySerde().serializer(), Topics.STORY_CANDIDATES.valueSerde().serializer())) {
            for (StoryCandidate c : candidates) {
                producer.send(new ProducerRecord<>(Topics.STORY_CANDIDATES.name(), c.tagged().article().id(), c))
                        .get();
            }
        }
        String storyId = candidates.get(0).tagged().article().id();
        String eventId = Ids.eventId(storyId, "munitions", "KP", "RU");
        Properties reader = new Properties();
        reader.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // the last candidate comes after the re-delivery on the one partition: once its report is in, both were read
        await().atMost(Duration.ofSeconds(45)).until(() -> {
            ViolationRecord r = CompactedTopicReader.read(reader, "it-ledger", Topics.EVENTS).get(eventId);
            return r != null && r.reports().size() == 2;
        });
        Map<String, ViolationRecord> ledger = CompactedTopicReader.read(reader, "it-ledger", Topics.EVENTS);
        assertThat(ledger.values()).filteredOn(r -> r.storyId().equals(storyId)).extracting(ViolationRecord::id)
                .containsExactly(eventId);
        assertThat(ledger.get(eventId).revision()).as("the re-delivery revised nothing").isEqualTo(1);
        assertThat(ledger.get(eventId).outlets()).containsExactly("wire", "daily");
    }
}
