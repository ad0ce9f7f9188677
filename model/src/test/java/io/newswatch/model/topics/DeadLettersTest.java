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
}
