package io.newswatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.ResultBounds;
import io.newswatch.tagger.Tagger;
import io.newswatch.streams.topology.TopologyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.newswatch.model.topics.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Articles whose tagged output would once have been far larger than a Kafka record may be (an 888 KB single
 * sentence, a 763 KB article of ordinary sentences naming Russia and North Korea), followed on the same partition by
 * a normal alerting article, on a real broker with exactly_once_v2: the normal article alerts within 5 s, each big one
 * is either dead-lettered with its reason or tagged within the record size limit, and no stream thread dies.
 */
class OversizedArticleIntegrationTest {
    /** The producer's {@code max.request.size} and (rounded) the topics' {@code max.message.bytes}: 1 MiB. */
    private static final int RECORD_LIMIT = 1024 * 1024;
    private static final int PARTITION = 0;
    private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    @Timeout(180)
    void bigArticlesNeitherStopThePartitionNorProduceOversizedRecords(@TempDir Path stateDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            NewswatchConfig config = NewswatchConfig.defaults()
                    .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                    .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-oversized-it")
                    .with(ConfigKeys.PROCESSING_GUARANTEE, "exactly_once_v2")
                    .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                    .with(ConfigKeys.STATE_DIR, stateDir.toString());
            Article oneSentence = article("one-sentence", repeatTo(888_000,
                    "Russia and North Korea widened their trade in breach of the sanctions and "));
            Article dense = article("dense", repeatTo(763_000,
                    "Russian and North Korean officials met in Moscow to talk about trade. ",
                    "The delegation from Pyongyang toured a factory near Moscow.\n\n",
                    "Analysts said Russia and North Korea have grown closer since the war began. "));
            Article normal = article("normal",
                    "Officials said North Korea shipped artillery shells to Russia in breach of UN sanctions.");

            try (StreamsService service = new StreamsService(config, config.kafkaClientProperties(),
                    Tagger.withDefaultRules())) {
                service.start();
                // the reader is positioned before anything is sent, so the 5 s below measure the pipeline only
                try (KafkaProducer<String, Article> producer =
                        CommittedTopics.articleProducer(kafka.bootstrapServers());
                     KafkaConsumer<byte[], byte[]> alerts = reader(kafka.bootstrapServers(), Topics.ALERTS.name())) {
                    for (Article big : List.of(oneSentence, dense)) {
                        producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), PARTITION, big.id(), big)).get();
                    }
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), PARTITION, normal.id(), normal))
                            .get();
                    long sent = System.nanoTime();
                    String expected = Ids.alertId("sanctions-violation", normal.id());
                    Map<String, byte[]> seen = new HashMap<>();
                    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ZERO).until(() -> {
                        for (ConsumerRecord<byte[], byte[]> r : alerts.poll(Duration.ofMillis(100))) {
                            seen.put(new String(r.key(), StandardCharsets.UTF_8), r.value());
                        }
                        return seen.containsKey(expected);
                    });
                    System.out.printf("normal article alerted %d ms after it was sent%n",
                            (System.nanoTime() - sent) / 1_000_000);
                    seen.values().forEach(v -> assertThat(v.length).isLessThanOrEqualTo(RECORD_LIMIT));
                }

                Map<String, String> fate = new HashMap<>();
                try (KafkaConsumer<byte[], byte[]> tagged = reader(kafka.bootstrapServers(), Topics.TAGGED.name());
                     KafkaConsumer<byte[], byte[]> dlq = reader(kafka.bootstrapServers(), Topics.DLQ.name())) {
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                        for (ConsumerRecord<byte[], byte[]> r : tagged.poll(Duration.ofMillis(100))) {
                            assertThat(r.serializedValueSize()).isLessThanOrEqualTo(RECORD_LIMIT);
                            TaggedArticle t = Topics.TAGGED.valueSerde().deserializer().deserialize(r.topic(),
                                    r.value());
                            assertWithinBounds(t);
                            fate.put(new String(r.key(), StandardCharsets.UTF_8), "tagged, " + r.serializedValueSize()
                                    + " bytes, text cut from " + t.article().truncatedFrom() + " to "
                                    + t.article().text().length() + " characters, " + t.evidence().size()
                                    + " evidence, " + t.mentions().size() + " mentions");
                        }
                        for (ConsumerRecord<byte[], byte[]> r : dlq.poll(Duration.ofMillis(100))) {
                            assertThat(DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR_MESSAGE))
                                    .isNotBlank();
                            fate.put(new String(r.key(), StandardCharsets.UTF_8), "dead-lettered: "
                                    + DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR_MESSAGE));
                        }
                        return fate.containsKey(oneSentence.id()) && fate.containsKey(dense.id());
                    });
                }
                System.out.printf("888 KB single sentence: %s%n763 KB dense: %s%n", fate.get(oneSentence.id()),
                        fate.get(dense.id()));
                assertThat(service.threadsReplaced()).as("stream threads replaced").isZero();
                await().atMost(Duration.ofSeconds(30)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            }
        }
    }

    /**
     * A topic that takes smaller records than the default (news.tagged set to at most 20 KB): set before the service
     * starts, the topology knows the limit and dead-letters the article whose tagged record would exceed it, with no
     * send failing; set while it runs, the broker refuses the send inside an exactly-once transaction, which Kafka
     * Streams cannot commit: the thread is replaced once, and the input read again is dead-lettered instead of
     * failing forever. Either way the reason is on the letter and the article behind it on the same partition alerts.
     */
    @ParameterizedTest(name = "limit lowered while running: {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(180)
    void aRecordOverTheTopicsLimitIsDeadLetteredAndThePartitionMovesOn(boolean whileRunning, @TempDir Path stateDir)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(BrokerOptions.temporary())) {
            NewswatchConfig config = NewswatchConfig.defaults()
                    .with(ConfigKeys.BOOTSTRAP_SERVERS, kafka.bootstrapServers())
                    .with(ConfigKeys.STREAMS_APPLICATION_ID, "newswatch-refused-it")
                    .with(ConfigKeys.PROCESSING_GUARANTEE, "exactly_once_v2")
                    .with(ConfigKeys.COMMIT_INTERVAL, "100ms")
                    .with(ConfigKeys.STATE_DIR, stateDir.toString());
            if (!whileRunning) {
                lowerTaggedLimit(kafka.bootstrapServers());
            }
            // words drawn at random do not compress to under 20 KB, as a repeated sentence would
            java.util.Random random = new java.util.Random(15);
            StringBuilder words = new StringBuilder("Russia and North Korea signed a pact. ");
            while (words.length() < 150_000) {
                for (int i = 3 + random.nextInt(6); i > 0; i--) {
                    words.append((char) ('a' + random.nextInt(26)));
                }
                words.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            Article refused = article("refused", words.toString());
            Article normal = article("after-refused",
                    "Officials said North Korea shipped artillery shells to Russia in breach of UN sanctions.");

            try (StreamsService service = new StreamsService(config, config.kafkaClientProperties(),
                    Tagger.withDefaultRules())) {
                service.start();
                if (whileRunning) {
                    lowerTaggedLimit(kafka.bootstrapServers());
                }
                try (KafkaProducer<String, Article> producer =
                        CommittedTopics.articleProducer(kafka.bootstrapServers());
                     KafkaConsumer<byte[], byte[]> alerts = reader(kafka.bootstrapServers(), Topics.ALERTS.name());
                     KafkaConsumer<byte[], byte[]> dlq = reader(kafka.bootstrapServers(), Topics.DLQ.name())) {
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), PARTITION, refused.id(), refused))
                            .get();
                    producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), PARTITION, normal.id(), normal)).get();
                    long sent = System.nanoTime();
                    String expected = Ids.alertId("sanctions-violation", normal.id());
                    Map<String, String> letters = new HashMap<>();
                    java.util.Set<String> alerted = new java.util.HashSet<>();
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                        alerts.poll(Duration.ofMillis(100))
                                .forEach(r -> alerted.add(new String(r.key(), StandardCharsets.UTF_8)));
                        dlq.poll(Duration.ofMillis(100)).forEach(r -> letters.put(
                                new String(r.key(), StandardCharsets.UTF_8),
                                DeadLetterHeaders.get(r.headers(), DeadLetterHeaders.ERROR_MESSAGE)));
                        return alerted.contains(expected) && letters.containsKey(refused.id());
                    });
                    long tookMs = (System.nanoTime() - sent) / 1_000_000;
                    System.out.printf("limit lowered while running: %s; the next article alerted and the big one "
                            + "was dead-lettered %d ms after they were sent, %d stream threads replaced; letter: %s%n",
                            whileRunning, tookMs, service.threadsReplaced(), letters.get(refused.id()));
                    // the replaced thread's partition moves at once, not after the dead member's 45 s session
                    assertThat(tookMs).as("ms until the partition moved on").isLessThan(25_000);
                    assertThat(letters.get(refused.id())).contains(Topics.TAGGED.name()).containsIgnoringCase("large");
                    assertThat(letters).doesNotContainKey(normal.id());
                }
                assertThat(service.threadsReplaced()).as("stream threads replaced").isEqualTo(whileRunning ? 1 : 0);
                // a replaced stream thread rejoins the group: the instance passes through REBALANCING on its way back
                await().atMost(Duration.ofSeconds(30)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            }
        }
    }

    private static void lowerTaggedLimit(String bootstrap) throws Exception {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.TAGGED.name()),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "20000"),
                            AlterConfigOp.OpType.SET)))).all().get();
            // the controller has the change; wait until the broker that the service asks reports it too, so the
            // "lowered before start" case does not race the broker's metadata update
            ConfigResource tagged = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TAGGED.name());
            await().atMost(Duration.ofSeconds(30)).until(() -> "20000".equals(admin.describeConfigs(List.of(tagged))
                    .all().get().get(tagged).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()));
        }
    }

    private static void assertWithinBounds(TaggedArticle t) {
        assertThat(t.article().text().length()).isLessThanOrEqualTo(TopologyConfig.DEFAULT_MAX_TEXT_CHARS);
        if (t.article().truncatedFrom() != null) {
            assertThat(t.article().truncatedFrom()).isGreaterThan(t.article().text().length());
        }
        assertThat(t.evidence()).hasSizeLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE)
                .allSatisfy(e -> assertThat(e.text().length()).isLessThanOrEqualTo(ResultBounds.MAX_EVIDENCE_CHARS));
        assertThat(t.mentions()).hasSizeLessThanOrEqualTo(ResultBounds.MAX_MENTIONS);
    }

    private static Article article(String slug, String text) {
        return Article.of("https://news.example/" + slug, "it", slug, null, AT, AT, "en", text);
    }

    /** The sentences repeated in turn until the text is at least {@code chars} long. */
    private static String repeatTo(int chars, String... sentences) {
        StringBuilder sb = new StringBuilder(chars + 200);
        for (int i = 0; sb.length() < chars; i++) {
            sb.append(sentences[i % sentences.length]);
        }
        return sb.append("end.").toString();
    }

    /**
     * A reader of every partition of the topic from its beginning, without a consumer group: assigned and
     * positioned here, so no group join or offset lookup falls into a bound measured later.
     */
    private static KafkaConsumer<byte[], byte[]> reader(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        return consumer;
    }
}
