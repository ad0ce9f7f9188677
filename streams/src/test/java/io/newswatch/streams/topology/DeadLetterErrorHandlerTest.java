package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the production exception handler remembers of a refused output: only under exactly-once, where the input is
 * read again, and each refusal once and for a bounded time.
 */
class DeadLetterErrorHandlerTest {
    private static final String ARTICLE_ID = "a-1";

    private static DeadLetterErrorHandler handler(String guarantee, RefusedRecords refused) {
        DeadLetterErrorHandler handler = new DeadLetterErrorHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "newswatch-handler-test",
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee, RefusedRecords.CONFIG_KEY, refused));
        return handler;
    }

    private static ProductionExceptionHandler.Response refuse(DeadLetterErrorHandler handler) {
        return handler.handleError(new Context(), new ProducerRecord<>(Topics.TAGGED.name(),
                        ARTICLE_ID.getBytes(StandardCharsets.UTF_8), new byte[10]),
                new RecordTooLargeException("too large for the topic"));
    }

    @ParameterizedTest(name = "{0}: letters now {1}, remembered {2}")
    @CsvSource(textBlock = """
            # guarantee,     letters written by the handler, remembered for the next read
            at_least_once,   1,                              false
            exactly_once_v2, 0,                              true
            """)
    void remembersARefusalOnlyWhereTheInputIsReadAgain(String guarantee, int letters, boolean remembered) {
        RefusedRecords refused = new RefusedRecords();
        ProductionExceptionHandler.Response response = refuse(handler(guarantee, refused));

        assertThat(response.deadLetterQueueRecords()).hasSize(letters);
        // what the processor asks when the same article (or its next revision) is read
        assertThat(refused.take(ARTICLE_ID).isPresent()).isEqualTo(remembered);
    }

    @Test
    void aRefusalIsTakenOnce() {
        RefusedRecords refused = new RefusedRecords();
        refuse(handler("exactly_once_v2", refused));

        assertThat(refused.take(ARTICLE_ID)).isPresent();
        assertThat(refused.take(ARTICLE_ID)).isEmpty();
    }

    @Test
    void aRefusalNotTakenExpires() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RefusedRecords refused = new RefusedRecords(Duration.ofMinutes(5), now::get);
        refused.add("kept", new IllegalStateException("kept"));
        refused.add("expired", new IllegalStateException("expired"));
        now.addAndGet(Duration.ofMinutes(5).toNanos());

        assertThat(refused.take("kept")).isPresent();
        now.addAndGet(1);
        assertThat(refused.take("expired")).isEmpty();
    }

    @Test
    void remembersAtMostItsCapacity() {
        RefusedRecords refused = new RefusedRecords();
        for (int i = 0; i <= RefusedRecords.CAPACITY; i++) {
            refused.add("k" + i, new IllegalStateException("k" + i));
        }
        assertThat(refused.take("k0")).isEmpty();
        assertThat(refused.take("k" + RefusedRecords.CAPACITY)).isPresent();
    }

    /** The input record that was being processed when the output was refused. */
    private static final class Context implements ErrorHandlerContext {
        @Override
        public String topic() {
            return Topics.ARTICLES.name();
        }

        @Override
        public int partition() {
            return 0;
        }

        @Override
        public long offset() {
            return 42;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "tagged-sink";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 0);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return ARTICLE_ID.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return null;
        }
    }
}
