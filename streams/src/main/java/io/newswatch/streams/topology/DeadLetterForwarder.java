package io.newswatch.streams.topology;

import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record that could not be processed or produced to {@code news.dlq}: from a processor through
 * {@link NewswatchTopology#DLQ_SINK}, or from an exception handler as a record Kafka Streams sends itself
 * ({@link #letter}). The key and value are the original bytes; a value over
 * {@link DeadLetterHeaders#MAX_LETTER_VALUE_BYTES} is left out (the letter's source topic, partition and offset say
 * where it is).
 */
final class DeadLetterForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterForwarder.class);

    private DeadLetterForwarder() {
    }

    /**
     * Forwards the record with {@link DeadLetterHeaders} naming the error and where the record came from (its own
     * headers kept), and logs one WARN line naming it.
     *
     * @param inputTopic the processor's input topic, for the rare record without metadata (punctuations)
     */
    static void send(ProcessorContext<Object, Object> context, Record<byte[], byte[]> record, RuntimeException error,
                     String inputTopic, String applicationId) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? inputTopic : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        RecordHeaders headers = headers(record.headers(), error, topic, partition, offset, applicationId);
        context.forward(new Record<Object, Object>(record.key(), fitting(record.value()), record.timestamp(),
                headers), NewswatchTopology.DLQ_SINK);
    }

    /**
     * The dead letter of a record from {@code topic}-{@code partition}@{@code offset} that failed with
     * {@code error}, for an exception handler to hand back to Kafka Streams; logs one WARN line naming it.
     *
     * @param original the record's own headers (kept), or null
     */
    static ProducerRecord<byte[], byte[]> letter(byte[] key, byte[] value, Headers original, Throwable error,
                                                String topic, int partition, long offset, String applicationId) {
        RecordHeaders headers = headers(original, error, topic, partition, offset, applicationId);
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, fitting(value), headers);
    }

    private static RecordHeaders headers(Headers original, Throwable error, String topic, int partition, long offset,
                                         String applicationId) {
        LOG.warn("record {}-{}@{} sent to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        RecordHeaders headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0]
                : original.toArray());
        DeadLetterHeaders.add(headers, error, topic, partition, offset, applicationId);
        return headers;
    }

    private static byte[] fitting(byte[] value) {
        return value != null && value.length > DeadLetterHeaders.MAX_LETTER_VALUE_BYTES ? null : value;
    }
}
