package io.newswatch.streams.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Forgets the expired entries of a state store a slice at a time: each {@link #next} looks at the entries after
 * where the last one stopped, about {@code 1/slices} of the store (at least {@code minSlice}), deletes those the
 * predicate calls expired, and starts again from the first key after the last. Called every {@code every} of stream
 * time, it looks at every entry about once per {@code slices × every}.
 *
 * <p>Why: a punctuation runs on the stream thread between two records. One that scans the whole store stops the
 * thread for as long as the scan takes, and a store of the last days' entries grows with the traffic: at a thousand
 * articles a second the trend counts' store and the violations ledger, each scanned whole once an hour of stream
 * time, held up the records behind them for longer and longer (the pipeline's p99 rose quarter by quarter over a
 * five-minute run). Spread over slices, the same scanning costs the same CPU in all, in pauses a fraction of the
 * length.
 *
 * <p>Contract: an entry is never deleted before the predicate calls it expired; one that expired is deleted within
 * about a pass, longer while the store grows fast (a slice is sized from {@link KeyValueStore#approximateNumEntries()}
 * when it starts). The position is kept in memory only: after a restart the passes start from the first key, which
 * changes when entries go, never whether they go. Not thread safe; one per processor instance, used from its
 * punctuation.
 *
 * @param <V> the store's values
 */
final class SlicedPurge<V> {
    /** How often the live processors take a slice, in stream time. */
    static final Duration EVERY = Duration.ofMinutes(1);

    private final KeyValueStore<String, V> store;
    private final int slices;
    private final int minSlice;
    /** The last key looked at, or null to start from the first key. */
    private String after;

    /**
     * @param store    the store to purge
     * @param slices   how many slices a pass over the store takes
     * @param minSlice the fewest entries a slice looks at, so that a small store is passed over at once
     * @throws IllegalArgumentException when {@code slices} or {@code minSlice} is less than 1
     */
    SlicedPurge(KeyValueStore<String, V> store, int slices, int minSlice) {
        if (slices < 1 || minSlice < 1) {
            throw new IllegalArgumentException("slices and minSlice must be at least 1: " + slices + ", " + minSlice);
        }
        this.store = store;
        this.slices = slices;
        this.minSlice = minSlice;
    }

    /**
     * Looks at the next slice and deletes its expired entries (and those whose value is null).
     *
     * @return how many were deleted
     */
    int next(Predicate<V> expired) {
        long approx = Math.max(0, store.approximateNumEntries());
        long size = Math.max(minSlice, (approx + slices - 1) / slices);
        List<String> doomed = new ArrayList<>();
        String last = null;
        boolean more;
        try (KeyValueIterator<String, V> entries = after == null ? store.all() : store.range(after, null)) {
            long seen = 0;
            while (seen < size && entries.hasNext()) {
                KeyValue<String, V> entry = entries.next();
                if (entry.key.equals(after)) {
                    continue; // a range starts at its first key, which the previous slice looked at
                }
                seen++;
                last = entry.key;
                if (entry.value == null || expired.test(entry.value)) {
                    doomed.add(entry.key);
                }
            }
            more = entries.hasNext();
        }
        after = more ? last : null;
        doomed.forEach(store::delete);
        return doomed.size();
    }
}
