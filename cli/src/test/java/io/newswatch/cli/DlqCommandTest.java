package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.Article;
import io.newswatch.model.serde.Json;
import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.DeadLetters;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newswatch dlq} against a real embedded broker. news.dlq holds four dead letters written once for the class:
 * offset 0 a malformed article from news.articles-0@5, offset 1 a binary poison alert from news.alerts-2@11 with a
 * long message, offset 2 one without a source topic header, offset 3 one claiming to come from news.dlq itself.
 * news.alerts.dlq holds two alerts receivers gave up on, as the alerts service writes them: offset 0 from
 * news.alerts-1@20 for sanctions-team, offset 1 from news.alerts-0@31 for ops-webhook.
 */
class DlqCommandTest {
    private static final String ARTICLE_KEY = "article-7f3a";
    private static final byte[] MALFORMED_ARTICLE = "{\"id\":\"article-7f3a\",\"title\":<h1>Port call</h1>}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ALERT_KEY = {0x00, (byte) 0xff, 0x10};
    private static final byte[] POISON_ALERT = {(byte) 0xc3, 0x28, 0x7b, (byte) 0xfe, 0x01};
    private static final String LONG_MESSAGE = "cannot read Alert: " + "field ruleId is garbled; ".repeat(20);
    private static final String UNDELIVERED_KEY = "alert-5d21";
    private static final byte[] UNDELIVERED_ALERT = "{\"id\":\"alert-5d21\",\"ruleId\":\"ru-kp\",\"revision\":2}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String UNDELIVERED_KEY_2 = "alert-90ce";
    private static final byte[] UNDELIVERED_ALERT_2 = "{\"id\":\"alert-90ce\",\"ruleId\":\"triangle\"}"
            .getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final CommandRunner commands = CommandRunner.withBroker();

    @BeforeAll
    static void writeDeadLetters() {
        try (Admin admin = Admin.create(props())) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        Throwable parseError = catchThrowable(() -> Json.mapper().readValue(MALFORMED_ARTICLE, Article.class));
        assertThat(parseError).as("the fixture must really be malformed").isNotNull();

        RecordHeaders article = new RecordHeaders();
        article.add("trace-id", "ingest-42".getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.add(article, parseError, Topics.ARTICLES.name(), 0, 5, "newswatch-streams");
        RecordHeaders alert = new RecordHeaders();
        DeadLetterHeaders.add(alert, new SerializationException(LONG_MESSAGE), Topics.ALERTS.name(), 2, 11,
                "newswatch-alerts");
        alert.add("nw.receiver", "webhook".getBytes(StandardCharsets.UTF_8));
        RecordHeaders orphan = new RecordHeaders();
        orphan.add(DeadLetterHeaders.ERROR_CLASS, IllegalStateException.class.getName().getBytes(StandardCharsets.UTF_8));
        orphan.add(DeadLetterHeaders.ERROR_MESSAGE, "origin lost".getBytes(StandardCharsets.UTF_8));
        RecordHeaders loop = new RecordHeaders();
        DeadLetterHeaders.add(loop, new IllegalStateException("dead letter of a dead letter"), Topics.DLQ.name(), 0,
                1, "newswatch-alerts");

        Properties p = props();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            String dlq = Topics.DLQ.name();
            producer.send(new ProducerRecord<>(dlq, null, ARTICLE_KEY.getBytes(StandardCharsets.UTF_8),
                    MALFORMED_ARTICLE, article));
            producer.send(new ProducerRecord<>(dlq, null, ALERT_KEY, POISON_ALERT, alert));
            producer.send(new ProducerRecord<>(dlq, null, "orphan".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8), orphan));
            producer.send(new ProducerRecord<>(dlq, null, "loop".getBytes(StandardCharsets.UTF_8),
                    "{}".getBytes(StandardCharsets.UTF_8), loop));
            String alertsDlq = Topics.ALERTS_DLQ.name();
            producer.send(new ProducerRecord<>(alertsDlq, null, UNDELIVERED_KEY.getBytes(StandardCharsets.UTF_8),
                    UNDELIVERED_ALERT, undelivered(1, 20, "sanctions-team", "HTTP 503 from the webhook")));
            producer.send(new ProducerRecord<>(alertsDlq, null, UNDELIVERED_KEY_2.getBytes(StandardCharsets.UTF_8),
                    UNDELIVERED_ALERT_2, undelivered(0, 31, "ops-webhook", "connect timed out")));
            producer.flush();
        }
    }

    /** The headers the alerts service's dead-letter writer gives an alert a receiver gave up on. */
    private static RecordHeaders undelivered(int partition, long offset, String receiver, String error) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", ("alerts-" + offset).getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.add(headers, new IllegalStateException(error), Topics.ALERTS.name(), partition, offset,
                "newswatch-alerts");
        headers.add(DeadLetterHeaders.RECEIVER, receiver.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static Properties props() {
        return commands.clientProperties();
    }

    private int run(String... args) {
        return commands.runWithConfig(args);
    }

    private String out() {
        return commands.out();
    }

    private String err() {
        return commands.err();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        try (var consumer = new KafkaConsumer<>(props(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("read %s to its end", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /**
     * The records on {@code topic} re-driven from the given offset with the given key; the key tells apart letters
     * of the two dead-letter topics that share an offset.
     */
    private static List<ConsumerRecord<byte[], byte[]>> redrivenFrom(String topic, long dlqOffset, byte[] key) {
        return readAll(topic).stream()
                .filter(r -> String.valueOf(DeadLetterHeaders.get(r.headers(), DeadLetters.REDRIVEN_FROM))
                        .matches("news\\.(alerts\\.)?dlq@" + dlqOffset))
                .filter(r -> java.util.Arrays.equals(key, r.key()))
                .toList();
    }

    @Test
    void listsOneBoundedLinePerDeadLetterAndASummary() {
        assertThat(run("dlq")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("0\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s+news\\.articles-0@5\\s+"
                + "JsonParseException: Unexpected character.*  key=article-7f3a");
        assertThat(lines.get(1)).matches("1\\s+\\S+Z\\s+news\\.alerts-2@11\\s+SerializationException: cannot read "
                + "Alert: field ruleId is garbled.*\\.\\.\\.  receiver=webhook  key=hex:00ff10");
        assertThat(lines.get(2)).matches("2\\s+-\\s+\\?-\\?@\\?\\s+IllegalStateException: origin lost  key=orphan");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(DlqCommand.LINE_WIDTH));
        assertThat(err().strip()).isEqualTo("4 dead letters (by source topic: (unknown) 1, news.alerts 1, "
                + "news.articles 1, news.dlq 1)");
    }

    @Test
    void filtersBySourceTopicErrorTextAndOffsetRange() {
        assertThat(run("dlq", "--topic", "news.alerts")).isZero();
        assertThat(out().lines().toList()).singleElement().asString().startsWith("1 ");
        assertThat(err().strip()).isEqualTo("1 dead letter (by source topic: news.alerts 1)");

        assertThat(run("dlq", "--error", "jsonparse")).as("class, ignoring case").isZero();
        assertThat(out().lines().map(l -> l.split(" ")[0]).toList()).containsExactly("0");

        assertThat(run("dlq", "--error", "origin LOST")).as("message").isZero();
        assertThat(out().lines().map(l -> l.split(" ")[0]).toList()).containsExactly("2");

        assertThat(run("dlq", "--from", "1", "--to", "2")).isZero();
        assertThat(out().lines().map(l -> l.split(" ")[0]).toList()).containsExactly("1", "2");

        assertThat(run("dlq", "--from", "3", "--topic", "news.articles")).isZero();
        assertThat(out()).isEmpty();
        assertThat(err().strip()).isEqualTo("0 dead letters");

        assertThat(run("dlq", "--from", "2", "--to", "1")).isEqualTo(2);
        assertThat(err()).contains("--from 2 is after --to 1");
    }

    @Test
    void jsonKeepsTextAsTextAndBinaryAsBase64() throws Exception {
        assertThat(run("dlq", "--json")).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String l : out().lines().toList()) {
            rows.add(Json.mapper().readTree(l));
        }
        assertThat(rows).hasSize(4);
        JsonNode article = rows.get(0);
        assertThat(article.get("dlqOffset").asLong()).isZero();
        assertThat(article.get("sourceTopic").asText()).isEqualTo("news.articles");
        assertThat(article.get("sourcePartition").asInt()).isZero();
        assertThat(article.get("sourceOffset").asLong()).isEqualTo(5);
        assertThat(article.get("applicationId").asText()).isEqualTo("newswatch-streams");
        assertThat(article.get("receiver").isNull()).isTrue();
        assertThat(article.get("errorClass").asText()).endsWith(".JsonParseException");
        assertThat(article.get("failedAt").asText()).endsWith("Z");
        assertThat(article.get("key").asText()).isEqualTo(ARTICLE_KEY);
        assertThat(article.get("value").asText()).isEqualTo(new String(MALFORMED_ARTICLE, StandardCharsets.UTF_8));
        assertThat(article.get("valueEncoding").asText()).isEqualTo("utf-8");
        assertThat(article.get("headers").toString()).isEqualTo(
                "[{\"name\":\"trace-id\",\"value\":\"ingest-42\",\"valueEncoding\":\"utf-8\"}]");

        JsonNode alert = rows.get(1);
        assertThat(alert.get("keyEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(alert.get("key").asText())).isEqualTo(ALERT_KEY);
        assertThat(alert.get("valueEncoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(alert.get("value").asText())).isEqualTo(POISON_ALERT);
        assertThat(alert.get("errorMessage").asText()).isEqualTo(LONG_MESSAGE);
        assertThat(alert.get("receiver").asText()).isEqualTo("webhook");
        assertThat(alert.get("headers").toString()).as("the receiver is a field, not repeated as a header")
                .isEqualTo("[]");

        assertThat(rows.get(2).get("sourceTopic").isNull()).isTrue();
        assertThat(rows.get(2).get("failedAt").isNull()).isTrue();
    }

    @Test
    void redriveNeedsAFilterOrAll() {
        assertThat(run("dlq", "--redrive")).isEqualTo(2);
        assertThat(err()).contains("--redrive needs a filter").doesNotContain("\tat ");
        assertThat(run("dlq", "--dry-run")).isEqualTo(2);
        assertThat(err()).contains("--dry-run needs --redrive");
        assertThat(run("dlq", "--all")).isEqualTo(2);
        assertThat(run("dlq", "--redrive", "--all", "--json")).isEqualTo(2);
    }

    @Test
    void dryRunShowsWhatWouldBeSentAndSendsNothing() {
        int articlesBefore = readAll(Topics.ARTICLES.name()).size();
        int alertsBefore = readAll(Topics.ALERTS.name()).size();

        assertThat(run("dlq", "--redrive", "--all", "--dry-run")).as("two letters are refused").isEqualTo(1);
        assertThat(out()).contains("would re-drive dlq 0 (news.articles-0@5, key article-7f3a) to news.articles")
                .contains("would re-drive dlq 1 (news.alerts-2@11, key hex:00ff10) to news.alerts")
                .contains("would re-drive 1 to news.alerts, 1 to news.articles; 2 refused");
        assertThat(err()).contains("refused dlq 2").contains("refused dlq 3");

        assertThat(readAll(Topics.ARTICLES.name())).hasSize(articlesBefore);
        assertThat(readAll(Topics.ALERTS.name())).hasSize(alertsBefore);
    }

    @Test
    void redrivePutsTheExactBytesBackOnTheSourceTopicWithTheirOrigin() {
        assertThat(run("dlq", "--redrive", "--topic", "news.articles")).isZero();
        assertThat(out()).containsPattern("re-drove dlq 0 \\(news.articles-0@5\\) to news.articles-\\d+@\\d+")
                .contains("re-drove 1 to news.articles");

        List<ConsumerRecord<byte[], byte[]>> back = redrivenFrom(Topics.ARTICLES.name(), 0,
                ARTICLE_KEY.getBytes(StandardCharsets.UTF_8));
        assertThat(back).isNotEmpty().allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(ARTICLE_KEY.getBytes(StandardCharsets.UTF_8));
            assertThat(r.value()).isEqualTo(MALFORMED_ARTICLE);
            assertThat(DeadLetterHeaders.get(r.headers(), "trace-id")).isEqualTo("ingest-42");
            assertThat(r.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS)).as("error headers stay behind").isNull();
            assertThat(r.headers().lastHeader(DeadLetterHeaders.SOURCE_TOPIC)).isNull();
        });
        assertThat(redrivenFrom(Topics.ALERTS.name(), 1, ALERT_KEY)).as("the filter left the alert alone").isEmpty();

        assertThat(run("dlq", "--redrive", "--error", "cannot read alert")).isZero();
        List<ConsumerRecord<byte[], byte[]>> alert = redrivenFrom(Topics.ALERTS.name(), 1, ALERT_KEY);
        assertThat(alert).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(ALERT_KEY);
            assertThat(r.value()).isEqualTo(POISON_ALERT);
            assertThat(r.headers().lastHeader("nw.receiver")).as("newswatch's own headers stay behind").isNull();
        });
    }

    @Test
    void deadLettersWithoutAUsableSourceAreRefusedAndReported() {
        long dlqBefore = readAll(Topics.DLQ.name()).size();

        assertThat(run("dlq", "--redrive", "--from", "2", "--to", "3")).isEqualTo(1);
        assertThat(err()).contains("refused dlq 2 (?-?@?): no nw.source.topic header")
                .contains("refused dlq 3 (news.dlq-0@1): its source topic is news.dlq itself");
        assertThat(out()).contains("re-drove 0; 2 refused");
        assertThat(readAll(Topics.DLQ.name())).hasSize((int) dlqBefore);
    }

    @Test
    void aSourceTopicMissingOnTheClusterIsRefused() {
        var letter = new DeadLetters.Letter(9, java.time.Instant.EPOCH, null, new byte[] {1}, List.of(), null, null,
                "news.retired", 0, 0L, null, null, null);
        var report = new DeadLetters(props(), "test-dlq").redrive(List.of(letter), false);
        assertThat(report.sent()).isEmpty();
        assertThat(report.refused()).singleElement().satisfies(n ->
                assertThat(n.reason()).contains("news.retired does not exist"));
    }

    @Test
    void hasHelp() {
        assertThat(run("dlq", "--help")).isZero();
        assertThat(out()).contains("Usage: newswatch dlq").contains("--redrive").contains("--dry-run")
                .contains("--alerts").contains("--dlq=TOPIC").contains("news.alerts.dlq");
    }

    @Test
    void alertsListsTheAlertsDeadLettersWithTheReceiverThatGaveUp() throws Exception {
        assertThat(run("dlq", "--alerts")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("0\\s+\\S+Z\\s+news\\.alerts-1@20\\s+IllegalStateException: HTTP 503 from "
                + "the webhook  receiver=sanctions-team  key=alert-5d21");
        assertThat(lines.get(1)).matches("1\\s+\\S+Z\\s+news\\.alerts-0@31\\s+IllegalStateException: connect timed "
                + "out  receiver=ops-webhook  key=alert-90ce");
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(DlqCommand.LINE_WIDTH));
        assertThat(err().strip()).isEqualTo("2 dead letters (by source topic: news.alerts 2)");

        assertThat(run("dlq", "--dlq", "news.alerts.dlq", "--json", "--from", "1")).isZero();
        JsonNode row = Json.mapper().readTree(out().strip());
        assertThat(row.get("dlqOffset").asLong()).isEqualTo(1);
        assertThat(row.get("receiver").asText()).isEqualTo("ops-webhook");
        assertThat(row.get("key").asText()).isEqualTo(UNDELIVERED_KEY_2);
        assertThat(row.get("headers").toString()).isEqualTo(
                "[{\"name\":\"trace-id\",\"value\":\"alerts-31\",\"valueEncoding\":\"utf-8\"}]");
    }

    @Test
    void redriveFromTheAlertsDeadLettersPutsTheAlertsBackWithoutTheReceiver() {
        long alertsDlqBefore = readAll(Topics.ALERTS_DLQ.name()).size();

        assertThat(run("dlq", "--dlq", "news.alerts.dlq", "--redrive", "--all")).isZero();
        assertThat(out()).containsPattern("re-drove dlq 0 \\(news.alerts-1@20\\) to news.alerts-\\d+@\\d+")
                .containsPattern("re-drove dlq 1 \\(news.alerts-0@31\\) to news.alerts-\\d+@\\d+")
                .contains("re-drove 2 to news.alerts");

        assertThat(redrivenFrom(Topics.ALERTS.name(), 0, UNDELIVERED_KEY.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(r -> {
                    assertThat(r.value()).isEqualTo(UNDELIVERED_ALERT);
                    assertThat(DeadLetterHeaders.get(r.headers(), "trace-id")).isEqualTo("alerts-20");
                    assertThat(r.headers().lastHeader(DeadLetterHeaders.RECEIVER)).as("receiver stays behind").isNull();
                    assertThat(r.headers().lastHeader(DeadLetterHeaders.ERROR_CLASS)).isNull();
                });
        assertThat(redrivenFrom(Topics.ALERTS.name(), 1, UNDELIVERED_KEY_2.getBytes(StandardCharsets.UTF_8)))
                .singleElement().satisfies(r -> {
                    assertThat(r.value()).isEqualTo(UNDELIVERED_ALERT_2);
                    assertThat(r.headers().lastHeader(DeadLetterHeaders.RECEIVER)).isNull();
                });
        assertThat(readAll(Topics.ALERTS_DLQ.name())).as("the letters stay where they are").hasSize(
                (int) alertsDlqBefore);
    }

    @Test
    void theDeadLetterTopicMustBeOneOfTheTwoAndNamedOnce() {
        assertThat(run("dlq", "--dlq", "news.alerts")).isEqualTo(2);
        assertThat(err()).contains("--dlq must be news.dlq or news.alerts.dlq, not 'news.alerts'")
                .doesNotContain("\tat ");
        assertThat(out()).isEmpty();

        assertThat(run("dlq", "--alerts", "--dlq", "news.alerts.dlq")).isEqualTo(2);
        assertThat(err()).contains("--alerts is short for --dlq news.alerts.dlq");

        assertThat(run("dlq", "--dlq", "news.dlq", "--to", "0")).as("news.dlq named explicitly").isZero();
        assertThat(out().lines().toList()).singleElement().asString().startsWith("0 ").contains("news.articles-0@5");
    }
}
