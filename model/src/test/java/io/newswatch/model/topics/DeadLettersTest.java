package io.newswatch.model.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** Parsing and re-drive decisions of {@link DeadLetters}, without a broker. */
class DeadLettersTest {
    private static final Set<String> CLUSTER = Set.of("news.alerts", "news.dlq", "news.alerts.dlq");

    private static ConsumerRecord<byte[], byte[]> alertsDeadLetter(String receiver) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "t-9".getBytes(StandardCharsets.UTF_8));
        DeadLetterHeaders.add(headers, new IllegalStateException("HTTP 503"), Topics.ALERTS.name(), 1, 44,
                "newswatch-alerts");
        if (receiver != null) {
            headers.add(DeadLetterHeaders.RECEIVER, receiver.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(Topics.ALERTS_DLQ.name(), 0, 7, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                -1, -1, "alert-1".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), headers,
                Optional.empty());
    }

    private static DeadLetters.Letter fromSource(String sourceTopic) {
        return new DeadLetters.Letter(3, Instant.EPOCH, null, new byte[] {1}, List.of(), null, null, sourceTopic, 0,
                0L, null, null, null);
    }

    @Test
    void parsesTheReceiverAndLeavesItOutOfTheOriginalHeaders() {
        DeadLetters.Letter letter = DeadLetters.parse(alertsDeadLetter("sanctions-team"));

        assertThat(letter.receiver()).isEqualTo("sanctions-team");
        assertThat(letter.dlqOffset()).isEqualTo(7);
        assertThat(letter.source()).isEqualTo("news.alerts-1@44");
        assertThat(letter.originalHeaders()).extracting(h -> h.key()).containsExactly("trace-id");
    }

    @Test
    void aLetterWithoutReceiverHeaderHasNoReceiver() {
        assertThat(DeadLetters.parse(alertsDeadLetter(null)).receiver()).isNull();
    }

    @Test
    void neitherCatalogueDeadLetterTopicIsARedriveTarget() {
        assertThat(DeadLetters.refusal(fromSource("news.alerts.dlq"), "news.alerts.dlq", CLUSTER))
                .isEqualTo("its source topic is news.alerts.dlq itself");
        assertThat(DeadLetters.refusal(fromSource("news.dlq"), "news.alerts.dlq", CLUSTER))
                .isEqualTo("its source topic news.dlq is a dead-letter topic");
        assertThat(DeadLetters.refusal(fromSource("news.alerts.dlq"), "news.dlq", CLUSTER))
                .isEqualTo("its source topic news.alerts.dlq is a dead-letter topic");
        assertThat(DeadLetters.refusal(fromSource("news.alerts"), "news.alerts.dlq", CLUSTER)).isNull();
    }

    @Test
    void readsTheDefaultDeadLetterTopicUnlessToldOtherwise() {
        Properties none = new Properties();
        assertThat(new DeadLetters(none, "test").topic()).isSameAs(Topics.DLQ);
        assertThat(new DeadLetters(none, "test", Topics.ALERTS_DLQ).topic()).isSameAs(Topics.ALERTS_DLQ);
    }

    private static DeadLetters.Letter letter(long offset, String sourceTopic, String errorClass, String message) {
        return new DeadLetters.Letter(offset, Instant.EPOCH, null, new byte[] {1}, List.of(), errorClass, message,
                sourceTopic, 0, 0L, null, null, null);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        // case                          | topic         | error text   | from | to | selected
        "everything                      | -             | -            | -    | -  | true",
        "the same source topic           | news.articles | -            | -    | -  | true",
        "another source topic            | news.alerts   | -            | -    | -  | false",
        "error text in the class         | -             | serialization| -    | -  | true",
        "error text in the message, case | -             | UNEXPECTED   | -    | -  | true",
        "error text nowhere              | -             | timeout      | -    | -  | false",
        "offset inside the range         | -             | -            | 10   | 12 | true",
        "offset at both ends             | -             | -            | 11   | 11 | true",
        "offset before the range         | -             | -            | 12   | -  | false",
        "offset after the range          | -             | -            | -    | 10 | false",
        "every criterion at once         | news.articles | token        | 11   | 11 | true",
    })
    void aFilterSelectsByTopicErrorTextAndOffsetRange(String name, String topic, String error, Long from, Long to,
                                                      boolean selected) {
        DeadLetters.Letter l = letter(11, "news.articles", "org.apache.kafka.common.errors.SerializationException",
                "Unexpected token at 3");
        DeadLetters.Filter f = new DeadLetters.Filter(topic, error, from, to);
        assertThat(f.matches(l)).as(name).isEqualTo(selected);
        assertThat(f.selectsAll()).isEqualTo(topic == null && error == null && from == null && to == null);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
        "no source topic header              | -               | no nw.source.topic header",
        "a blank source topic                | ' '             | no nw.source.topic header",
        "the dead-letter topic itself        | news.dlq        | is news.dlq itself",
        "the other dead-letter topic         | news.alerts.dlq | is a dead-letter topic",
        "a topic the cluster does not have   | news.retired    | news.retired does not exist on the cluster",
        "a topic the cluster has             | news.alerts     | -",
    })
    void aLetterIsReDrivenOnlyToAnExistingTopicThatIsNotADeadLetterTopic(String name, String source,
                                                                        String refusal) {
        String reason = DeadLetters.refusal(letter(0, source, null, null), Topics.DLQ.name(), CLUSTER);
        if (refusal == null) {
            assertThat(reason).as(name).isNull();
        } else {
            assertThat(reason).as(name).contains(refusal);
        }
    }

    @Test
    void headersWrittenWronglyByAnotherToolReadAsAbsentAndTheLetterIsStillListed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.SOURCE_TOPIC, "news.articles".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.SOURCE_PARTITION, "two".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.SOURCE_OFFSET, "12x".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.FAILED_AT, "yesterday".getBytes(StandardCharsets.UTF_8));
        DeadLetters.Letter l = DeadLetters.parse(new ConsumerRecord<>(Topics.DLQ.name(), 0, 5, 1L,
                TimestampType.CREATE_TIME, -1, -1, null, null, headers, Optional.empty()));
        assertThat(l.sourceTopic()).isEqualTo("news.articles");
        assertThat(l.sourcePartition()).isNull();
        assertThat(l.sourceOffset()).isNull();
        assertThat(l.failedAt()).isNull();
        assertThat(l.source()).isEqualTo("news.articles-?@?");
        assertThat(l.dlqOffset()).isEqualTo(5);
    }
}
