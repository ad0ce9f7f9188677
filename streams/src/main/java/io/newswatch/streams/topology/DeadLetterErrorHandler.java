package io.newswatch.streams.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The newswatch topology's Kafka Streams exception handlers ({@code processing.exception.handler},
 * {@code production.exception.handler}, {@code deserialization.exception.handler}; Kafka Streams 4.x, KIP-1034):
 * a record that a processor throws on, that cannot be read, or whose output cannot be serialized or written goes to
 * {@code news.dlq} with {@code DeadLetterHeaders} naming the error and the input's topic, partition and offset, and
 * the task goes on with the next record. No record stops a partition, and no stream thread dies of one.
 *
 * <p>The letter carries the input record's key and value when Kafka Streams still holds them (processing and
 * deserialization errors), else the failed output's key and no value: a re-drive of such a letter is refused, and
 * its headers say where the input is ({@code news.articles} is compacted, so it is still there).
 *
 * <p>Retriable production errors (a broker down, not enough in-sync replicas, timeouts) are not the record's fault:
 * they are retried (the task is re-initialised and processes the records again), never dead-lettered.
 */
public final class DeadLetterErrorHandler
        implements ProcessingExceptionHandler, ProductionExceptionHandler, DeserializationExceptionHandler {
    private String applicationId = "";

    /** Reads the application id, recorded on each letter. */
    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        applicationId = id == null ? "" : id.toString();
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        return ProcessingExceptionHandler.Response.resume(List.of(fromContext(context, exception)));
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(DeadLetterForwarder.letter(record.key(),
                record.value(), record.headers(), exception, record.topic(), record.partition(), record.offset(),
                applicationId)));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record,
                                                           Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        return ProductionExceptionHandler.Response.resume(List.of(fromContext(context, record,
                new OutputFailedException(record.topic(), exception))));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                        ProducerRecord record, Exception exception,
                                                                        SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(List.of(fromContext(context, null,
                new OutputFailedException(record.topic(), exception))));
    }

    private ProducerRecord<byte[], byte[]> fromContext(ErrorHandlerContext context, Exception error) {
        return fromContext(context, null, error);
    }

    /** The input as Kafka Streams still holds it; else the output's key (the article or alert id), no value. */
    private ProducerRecord<byte[], byte[]> fromContext(ErrorHandlerContext context,
                                                       ProducerRecord<byte[], byte[]> output, Exception error) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        if (key == null && value == null && output != null) {
            key = output.key();
        }
        return DeadLetterForwarder.letter(key, value, context.headers(), error, context.topic(), context.partition(),
                context.offset(), applicationId);
    }

    /** An output record of the input could not be written; names the topic, the cause says why. */
    static final class OutputFailedException extends KafkaException {
        OutputFailedException(String topic, Exception cause) {
            super("cannot write its output to " + topic, cause);
        }
    }
}
