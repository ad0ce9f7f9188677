package io.newswatch.streams.topology;

import java.util.Objects;

/**
 * The bounds on what the topology writes.
 *
 * @param maxTextChars   the longest article text tagged and passed on ({@code ingest.max.text.chars}); a longer one
 *                       is cut, as the ingester cuts it, so a record some other producer wrote is bounded too
 * @param maxRecordBytes the largest value the topology sends: the smallest {@code max.message.bytes} of the topics
 *                       it writes and the producer's {@code max.request.size}, less room for key and headers
 *                       ({@link #RECORD_OVERHEAD}, or a quarter of a smaller limit); an input whose output would be larger goes to {@code news.dlq}
 * @param recordLimit    the largest whole record (key, value, headers) the topics written take, {@code news.dlq}
 *                       among them: that smallest {@code max.message.bytes} or {@code max.request.size}; a dead
 *                       letter that would be larger leaves the record's value out
 * @param refused        inputs whose output the broker refused, dead-lettered when they are read again
 */
public record OutputLimits(int maxTextChars, int maxRecordBytes, int recordLimit, RefusedRecords refused) {
    /**
     * The Kafka Streams configuration key under which the instance is handed to {@link DeadLetterErrorHandler}
     * (an object, not a setting: it is not in the default configuration).
     */
    public static final String CONFIG_KEY = "newswatch.output.limits";
    /** Kafka's default {@code max.message.bytes} and {@code max.request.size}: 1 MiB. */
    public static final int KAFKA_DEFAULT_LIMIT = 1024 * 1024;
    /**
     * What a record holds besides its value: the key, the headers (a dead letter's error message alone may be 2,000
     * characters) and the record batch's own overhead.
     */
    public static final int RECORD_OVERHEAD = 16 * 1024;

    public OutputLimits {
        Objects.requireNonNull(refused, "refused");
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("maxTextChars must be at least 1: " + maxTextChars);
        }
        if (maxRecordBytes < 1) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1: " + maxRecordBytes);
        }
        if (recordLimit < maxRecordBytes) {
            throw new IllegalArgumentException("recordLimit must be at least maxRecordBytes (" + maxRecordBytes
                    + "): " + recordLimit);
        }
    }

    /** With this text cap, and the record size that the smallest of the given Kafka limits leaves for a value. */
    public static OutputLimits of(int maxTextChars, int kafkaLimit, RefusedRecords refused) {
        return new OutputLimits(maxTextChars, Math.max(1, kafkaLimit - Math.min(RECORD_OVERHEAD, kafkaLimit / 4)),
                Math.max(1, kafkaLimit), refused);
    }

    /** With this text cap and Kafka's default 1 MiB record limit. */
    public static OutputLimits of(int maxTextChars) {
        return of(maxTextChars, KAFKA_DEFAULT_LIMIT, new RefusedRecords());
    }
}
