package io.newswatch.streams.topology;

import io.newswatch.model.topics.DeadLetterHeaders;
import io.newswatch.model.topics.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends an input record that could not be processed to {@link NewswatchTopology#DLQ_SINK}, byte for byte. */
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
        LOG.warn("record {}-{}@{} sent to {}: {}", topic, partition, offset, Topics.DLQ.name(), error.toString());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(headers, error, topic, partition, offset, applicationId);
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
                NewswatchTopology.DLQ_SINK);
    }
}
