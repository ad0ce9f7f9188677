package io.newswatch.alerts.delivery;

import io.newswatch.alerts.delivery.internal.DeadLetterWriter;
import io.newswatch.model.Alert;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * An alert read from {@code news.alerts}, on its way to one receiver: the alert, the record it came in (kept byte
 * for byte for the dead-letter topic) and the assignment epoch of its partition, so that the completion of a
 * delivery begun before a rebalance is not counted against the partition's next assignment.
 *
 * @param alert  the alert
 * @param record the record it was read from
 * @param epoch  the partition's assignment epoch when it was read
 */
public record Incoming(Alert alert, ConsumerRecord<byte[], byte[]> record, long epoch) {
    public Incoming {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(record, "record");
    }

    /** The partition it was read from. */
    public TopicPartition partition() {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** {@code topic-partition@offset}, the way log lines name a record. */
    public String where() {
        return DeadLetterWriter.where(record);
    }
}
