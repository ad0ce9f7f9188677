package io.newswatch.streams.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of output records the broker refused for good (too large, invalid), so that the input that produces them
 * is dead-lettered when it is processed again. Keyed by the output's key (an article id on {@code news.tagged} and
 * {@code news.story.candidates}, an alert id on the alert topics): when a send fails, Kafka Streams no longer tells
 * which input it came from.
 *
 * <p>Why it is needed: with {@code exactly_once_v2} a refused send leaves the thread's transactional producer in an
 * error state, so the transaction (with the dead letter the production exception handler added to it) is aborted,
 * the stream thread is replaced, and the same input is read again from the last commit. Without a memory of the
 * refusal it would fail the same way forever. With it, the processor sends the input to {@code news.dlq} instead
 * of processing it again, and the partition moves on after one thread replacement. Under {@code at_least_once}
 * the handler's letter is written at once and nothing is read again. The topology checks every output's size
 * before sending it ({@link OutputLimits#maxRecordBytes()}), so this is the last resort, for a limit lowered while
 * the service runs.
 *
 * <p>Thread-safe; shared by the exception handlers and the processors of one Kafka Streams instance; keeps at most
 * {@value #CAPACITY} entries, the oldest forgotten first.
 */
public final class RefusedRecords {
    /** The Kafka Streams configuration key under which the instance is handed to {@link DeadLetterErrorHandler}. */
    public static final String CONFIG_KEY = "newswatch.refused.records";
    static final int CAPACITY = 10_000;

    private final Map<String, RuntimeException> refused = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuntimeException> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers that the output record with this key was refused; a record without a key is not remembered. */
    public synchronized void add(String outputKey, RuntimeException reason) {
        if (outputKey != null) {
            refused.put(outputKey, reason);
        }
    }

    /** Why the output record with this key was refused, forgetting it; empty when it was not (or key is null). */
    public synchronized Optional<RuntimeException> take(String outputKey) {
        return outputKey == null ? Optional.empty() : Optional.ofNullable(refused.remove(outputKey));
    }
}
