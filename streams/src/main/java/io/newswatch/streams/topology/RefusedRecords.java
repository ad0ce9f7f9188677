package io.newswatch.streams.topology;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

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
 * the service runs. Only the exactly-once handler records here: under at-least-once an entry would never be taken
 * and would dead-letter the next revision of the same article (or the next report raising the same alert).
 *
 * <p>An entry is taken once. One that is not taken in {@link #DEFAULT_EXPIRY} (the task moved to another instance)
 * is forgotten, so it cannot dead-letter a later revision here; forgetting one too early costs at most one more
 * aborted transaction, after which the refusal is remembered again.
 *
 * <p>Thread-safe; shared by the exception handlers and the processors of one Kafka Streams instance; keeps at most
 * {@value #CAPACITY} entries, the oldest forgotten first.
 */
public final class RefusedRecords {
    /** The Kafka Streams configuration key under which the instance is handed to {@link DeadLetterErrorHandler}. */
    public static final String CONFIG_KEY = "newswatch.refused.records";
    static final int CAPACITY = 10_000;
    /** How long a refusal is kept for its input to be read again: a thread replacement takes seconds. */
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);

    private final long expiryNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Entry> refused = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Entry(RuntimeException reason, long addedNanos) {
    }

    /** Keeps a refusal for {@link #DEFAULT_EXPIRY}. */
    public RefusedRecords() {
        this(DEFAULT_EXPIRY, System::nanoTime);
    }

    RefusedRecords(Duration expiry, LongSupplier nanoClock) {
        this.expiryNanos = expiry.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** Remembers that the output record with this key was refused; a record without a key is not remembered. */
    public synchronized void add(String outputKey, RuntimeException reason) {
        if (outputKey != null) {
            // put again at the end, so that insertion order stays the order of expiry
            refused.remove(outputKey);
            refused.put(outputKey, new Entry(reason, nanoClock.getAsLong()));
        }
    }

    /**
     * Why the output record with this key was refused, forgetting it; empty when it was not, when the refusal has
     * expired, or when the key is null.
     */
    public synchronized Optional<RuntimeException> take(String outputKey) {
        long now = nanoClock.getAsLong();
        // oldest first (add puts an entry at the end), so the sweep stops at the first that has not expired
        for (Iterator<Entry> it = refused.values().iterator(); it.hasNext(); ) {
            if (now - it.next().addedNanos() <= expiryNanos) {
                break;
            }
            it.remove();
        }
        Entry entry = outputKey == null ? null : refused.remove(outputKey);
        return entry == null ? Optional.empty() : Optional.of(entry.reason());
    }
}
