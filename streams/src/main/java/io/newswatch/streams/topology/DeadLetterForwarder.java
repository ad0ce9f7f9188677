package io.newswatch.streams.topology;

import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
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
 * ({@link #letter}). The key and value are the original bytes; a value with which the letter would not fit the
 * record limit of the topics written ({@link OutputLimits#recordLimit()}, {@code news.dlq} among them) is left out
 * (the letter's source topic, partition and offset say where it is), so that the letter itself is never refused.
 */
final class DeadLetterForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterForwarder.class);
    /**
     * A record's bytes besides its key, value and headers, rounded up: the record batch header (61 bytes in the
     * v2 format of KIP-98) and the record's attributes and varint lengths.
     */
    static final int RECORD_FRAMING = 128;
    /** Per header, its two varint lengths at most. */
    private static final int HEADER_FRAMING = 10;

    private DeadLetterForwarder() {
    }

    /**
     * Forwards the record with {@link DeadLetterHeaders} naming the error and where the record came from (its own
     * headers kept), and logs one WARN line naming it.
     *
     * @param inputTopic  the processor's input topic, for the rare record without metadata (punctuations)
     * @param recordLimit the largest record the topics written take ({@link OutputLimits#recordLimit()})
     */
    static void send(ProcessorContext<Object, Object> context, Record<byte[], byte[]> record, RuntimeException error,
                     String inputTopic, String applicationId, int recordLimit) {
        RecordMetadata meta = context.recordMetadata().orElse(null);
        String topic = meta == null ? inputTopic : meta.topic();
        int partition = meta == null ? -1 : meta.partition();
        long offset = meta == null ? -1 : meta.offset();
        RecordHeaders headers = headers(record.headers(), error, topic, partition, offset, applicationId);
        context.forward(new Record<Object, Object>(record.key(), fitting(record.key(), record.value(), headers,
                recordLimit), record.timestamp(), headers), TopologyNames.DLQ_SINK);
    }

    /**
     * The dead letter of a record from {@code topic}-{@code partition}@{@code offset} that failed with
     * {@code error}, for an exception handler to hand back to Kafka Streams; logs one WARN line naming it.
     *
     * @param original    the record's own headers (kept), or null
     * @param recordLimit the largest record the topics written take ({@link OutputLimits#recordLimit()})
     */
    static ProducerRecord<byte[], byte[]> letter(byte[] key, byte[] value, Headers original, Throwable error,
                                                String topic, int partition, long offset, String applicationId,
                                                int recordLimit) {
        RecordHeaders headers = headers(original, error, topic, partition, offset, applicationId);
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, fitting(key, value, headers, recordLimit),
                headers);
    }

    private static RecordHeaders headers(Headers original, Throwable error, String topic, int partition, long offset,
                                         String applicationId) {
        LOG.warn("record {}-{}@{} sent to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        RecordHeaders headers = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0]
                : original.toArray());
        DeadLetterHeaders.add(headers, error, topic, partition, offset, applicationId);
        return headers;
    }

    /**
     * The value, or null when the letter with it (key, value, headers, framing) could be larger than
     * {@code recordLimit}. The value is counted with 1/128 more, what LZ4 (the topology's producers compress) may
     * add to bytes it cannot compress.
     */
    static byte[] fitting(byte[] key, byte[] value, Headers headers, int recordLimit) {
        if (value == null) {
            return null;
        }
        long size = RECORD_FRAMING + (key == null ? 0 : key.length) + value.length + value.length / 128;
        for (Header h : headers) {
            size += HEADER_FRAMING + h.key().getBytes(StandardCharsets.UTF_8).length
                    + (h.value() == null ? 0 : h.value().length);
        }
        return size <= recordLimit ? value : null;
    }
}
