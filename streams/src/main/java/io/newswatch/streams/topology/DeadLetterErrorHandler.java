package io.newswatch.streams.topology;

import java.nio.charset.StandardCharsets;
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
 * <p>Under {@code exactly_once_v2} a send the broker refuses leaves the transaction uncommittable: Kafka Streams
 * replaces the stream thread and reads the input again from the last commit. The refusal is remembered
 * ({@link RefusedRecords}) and the processor dead-letters the input when it comes again, so the partition moves on
 * after one thread replacement; the topology's own size checks ({@link OutputLimits}) keep this for a limit lowered
 * while the service runs.
 *
 * <p>Retriable production errors (a broker down, not enough in-sync replicas, timeouts) are not the record's fault:
 * they are retried (the task is re-initialised and processes the records again), never dead-lettered.
 */
public final class DeadLetterErrorHandler
        implements ProcessingExceptionHandler, ProductionExceptionHandler, DeserializationExceptionHandler {
    private String applicationId = "";
    private RefusedRecords refused = new RefusedRecords();
    private boolean exactlyOnce;
    private int recordLimit = OutputLimits.KAFKA_DEFAULT_LIMIT;

    /**
     * Reads the application id, recorded on each letter, the instance's {@link RefusedRecords} (under
     * {@link RefusedRecords#CONFIG_KEY}; without it, refusals are remembered by this handler only) and its
     * {@link OutputLimits} (under {@link OutputLimits#CONFIG_KEY}, for the record limit a letter must fit; without
     * it, Kafka's default of 1 MiB).
     */
    @Override
    public void configure(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        applicationId = id == null ? "" : id.toString();
        exactlyOnce = String.valueOf(configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).startsWith("exactly_once");
        if (configs.get(RefusedRecords.CONFIG_KEY) instanceof RefusedRecords shared) {
            refused = shared;
        }
        if (configs.get(OutputLimits.CONFIG_KEY) instanceof OutputLimits limits) {
            recordLimit = limits.recordLimit();
        }
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
                applicationId, recordLimit)));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                           ProducerRecord<byte[], byte[]> record,
                                                           Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        OutputFailedException failure = new OutputFailedException("its output to " + record.topic()
                + " was refused", exception);
        if (exactlyOnce) {
            // the transaction is lost: a letter sent in it would be aborted too (after blocking the producer's
            // thread); the processor writes it when it reads the input again. Only here: under at-least-once
            // nothing is read again, and the entry would dead-letter the next revision of the same key.
            refused.add(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), failure);
            return ProductionExceptionHandler.Response.resume();
        }
        return ProductionExceptionHandler.Response.resume(List.of(fromContext(context, record, failure)));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context,
                                                                        ProducerRecord record, Exception exception,
                                                                        SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(List.of(fromContext(context, null,
                new OutputFailedException("its output to " + record.topic() + " could not be serialized",
                        exception))));
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
                context.offset(), applicationId, recordLimit);
    }

    /** An output record of the input could not be written; names where, the cause says why. */
    static final class OutputFailedException extends KafkaException {
        OutputFailedException(String message, Exception cause) {
            super(message, cause);
        }
    }
}
