package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlicedPurgeTest {

    /** A store of {@code n} entries, key {@code k00042}, value the entry's number. */
    private static KeyValueStore<String, Long> store(int n) {
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("purged"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        for (long i = 0; i < n; i++) {
            store.put(key(i), i);
        }
        return store;
    }

    private static String key(long i) {
        return "k%05d".formatted(i);
    }

    private static Set<String> keys(KeyValueStore<String, Long> store) {
        Set<String> keys = new TreeSet<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @ParameterizedTest(name = "{0} entries, {1} slices of at least {2}: at most {3} looked at a call, {4} calls a pass")
    @CsvSource({
        // entries, slices, min slice, entries a call looks at, calls for a whole pass
        "10000, 10, 100,  1000, 10",
        "10000, 60, 1000, 1000, 10",
        "10000,  7, 1,    1429,  7",
        "500,   60, 1000,  500,  1",
        "0,     60, 1000,    0,  1",
    })
    void aPassTakesItsSlicesThenStartsAgain(int entries, int slices, int minSlice, int perCall, int callsPerPass) {
        KeyValueStore<String, Long> store = store(entries);
        SlicedPurge<Long> purge = new SlicedPurge<>(store, slices, minSlice);
        List<Long> seen = new ArrayList<>();
        for (int call = 0; call < callsPerPass; call++) {
            int before = seen.size();
            assertThat(purge.next(v -> !seen.add(v))).isZero();
            assertThat(seen.size() - before).isLessThanOrEqualTo(perCall);
        }
        assertThat(seen).containsExactlyElementsOf(LongStream.range(0, entries).boxed().toList());

        seen.clear();
        purge.next(v -> !seen.add(v));
        assertThat(seen).as("the next pass").isEqualTo(LongStream.range(0, Math.min(entries,
                perCall)).boxed().toList());
    }

    @ParameterizedTest
    @CsvSource({"10000, 60, 1000", "10000, 7, 1", "500, 60, 1000"})
    void deletesOnlyWhatExpiredAndAllOfItWithinTwoPasses(int entries, int slices, int minSlice) {
        KeyValueStore<String, Long> store = store(entries);
        SlicedPurge<Long> purge = new SlicedPurge<>(store, slices, minSlice);
        // the store shrinks as the pass deletes, so its slices shrink too: a pass may take a few more calls
        for (int call = 0; call < 2 * slices + 2; call++) {
            purge.next(v -> v % 3 == 0);
        }
        Set<String> left = keys(store);
        assertThat(left).hasSize(entries - (entries + 2) / 3);
        assertThat(left).noneMatch(k -> Long.parseLong(k.substring(1)) % 3 == 0);
    }

    @Test
    void theNextPassStartsAgainFromTheFirstKeyAndFindsWhatExpiredSince() {
        KeyValueStore<String, Long> store = store(3000);
        SlicedPurge<Long> purge = new SlicedPurge<>(store, 3, 10);
        long[] cutoff = {0};
        for (int call = 0; call < 3; call++) {
            assertThat(purge.next(v -> v < cutoff[0])).isZero(); // one pass, nothing expired yet
        }

        cutoff[0] = 1000; // time moved on: 0..999 have expired
        assertThat(purge.next(v -> v < cutoff[0])).as("the first slice of the new pass").isEqualTo(1000);
        assertThat(keys(store)).hasSize(2000).first().isEqualTo(key(1000));

        cutoff[0] = 2500; // and on: 1000..2499 too, found in the slices that follow
        for (int call = 0; call < 8; call++) {
            purge.next(v -> v < cutoff[0]);
        }
        assertThat(keys(store)).hasSize(500).first().isEqualTo(key(2500));
    }

    @Test
    void aSliceGoesOnAfterItsLastKeyEvenWhenThatKeyWasDeletedMeanwhile() {
        KeyValueStore<String, Long> store = store(30);
        SlicedPurge<Long> purge = new SlicedPurge<>(store, 3, 1);
        List<Long> seen = new ArrayList<>();
        purge.next(v -> !seen.add(v)); // a third: 0..9
        store.delete(key(9)); // the key the slice stopped at
        store.delete(key(10));
        purge.next(v -> !seen.add(v)); // a third of the 28 left, rounded up: 11..20
        purge.next(v -> !seen.add(v)); // 21..29, the end

        List<Long> expected = new ArrayList<>(LongStream.range(0, 10).boxed().toList());
        expected.addAll(LongStream.range(11, 30).boxed().toList());
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    /** The live processors' stores are RocksDB (changelogged, not cached): a slice resumes in one as in memory. */
    @Test
    void slicesGoThroughARocksDbStoreAsThroughMemory(@TempDir File stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sliced-purge-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir);
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("purged-rocks"),
                Serdes.String(), Serdes.Long()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        try {
            for (long i = 0; i < 5000; i++) {
                store.put(key(i), i);
            }
            SlicedPurge<Long> purge = new SlicedPurge<>(store, 5, 400);
            List<Long> seen = new ArrayList<>();
            for (int call = 0; call < 12; call++) {
                purge.next(v -> {
                    seen.add(v);
                    return v % 2 == 1;
                });
            }
            // every entry was looked at, in key order, before the first came round again
            assertThat(seen.subList(0, 5000)).containsExactlyElementsOf(LongStream.range(0, 5000).boxed().toList());
            assertThat(keys(store)).hasSize(2500).allMatch(k -> Long.parseLong(k.substring(1)) % 2 == 0);
        } finally {
            store.close();
        }
    }

    @Test
    void refusesNonsenseSizes() {
        KeyValueStore<String, Long> store = store(1);
        assertThatThrownBy(() -> new SlicedPurge<>(store, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlicedPurge<>(store, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
