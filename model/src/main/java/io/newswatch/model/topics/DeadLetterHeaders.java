package io.newswatch.model.topics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers every record on a dead-letter topic ({@code news.dlq}, {@code news.alerts.dlq}) carries, so an
 * operator (or {@code newswatch dlq}) knows what failed, where the record came from and which service gave up on
 * it. The record's key and value are the original bytes, untouched.
 */
public final class DeadLetterHeaders {
    public static final String ERROR_CLASS = "nw.error.class";
    public static final String ERROR_MESSAGE = "nw.error.message";
    public static final String SOURCE_TOPIC = "nw.source.topic";
    public static final String SOURCE_PARTITION = "nw.source.partition";
    public static final String SOURCE_OFFSET = "nw.source.offset";
    public static final String APPLICATION_ID = "nw.application.id";
    public static final String FAILED_AT = "nw.failed.at";
    /**
     * The receiver that gave up on an alert, on the letters of {@code news.alerts.dlq}; absent on letters whose
     * record itself could not be processed. Like every {@code nw.*} header it stays behind when a letter is re-driven.
     */
    public static final String RECEIVER = "nw.receiver";

    /**
     * The largest original value a dead letter carries: Kafka's default record limit (1 MiB, {@code max.request.size}
     * and {@code max.message.bytes}) less room for the key and these headers. A larger value is left out of the
     * letter (its headers still say where the record is): a letter that cannot be written would stop its writer on
     * the record, which is what a dead letter is there to prevent.
     */
    public static final int MAX_LETTER_VALUE_BYTES = 1024 * 1024 - 16 * 1024;

    private static final int MAX_MESSAGE = 2000;

    private DeadLetterHeaders() {
    }

    /** Adds the error headers describing {@code error} raised while processing a record of the given origin. */
    public static void add(Headers headers, Throwable error, String sourceTopic, int partition, long offset,
                           String applicationId) {
        put(headers, ERROR_CLASS, error.getClass().getName());
        put(headers, ERROR_MESSAGE, describe(error));
        put(headers, SOURCE_TOPIC, sourceTopic);
        put(headers, SOURCE_PARTITION, String.valueOf(partition));
        put(headers, SOURCE_OFFSET, String.valueOf(offset));
        put(headers, APPLICATION_ID, applicationId);
        put(headers, FAILED_AT, java.time.Instant.now().toString());
    }

    /** The value of a header as text, or null when absent. */
    public static String get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** The error's message and its causes' messages, one line, bounded; never a full stack trace. */
    static String describe(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null && sb.length() < MAX_MESSAGE; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- caused by ").append(t.getClass().getSimpleName()).append(": ");
            }
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        String s = sb.toString().replace('\n', ' ');
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) : s;
    }

    /** A stack trace as text, for logs. */
    public static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
