package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The indexed nearest-story lookup gives exactly what a scan of every open story gives; the selection behind
 * {@link StoryIndex#oldest} gives what a sort gives.
 */
class StoryIndexTest {
    private static final long WINDOW = 1_000;

    /** The lookup's contract, written the obvious way: every story checked. */
    private static String scan(Map<String, long[]> stories, long fingerprint, long eventTime) {
        if (fingerprint == TextFingerprint.NONE) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, long[]> e : stories.entrySet()) {
            long fp = e.getValue()[0];
            int d = Long.bitCount(fingerprint ^ fp);
            if (fp == TextFingerprint.NONE || d > StoryIndex.MAX_DISTANCE
                    || Math.abs(eventTime - e.getValue()[1]) > WINDOW) {
                continue;
            }
            if (d < bestDistance || (d == bestDistance && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestDistance = d;
            }
        }
        return best;
    }

    private static long flipBits(long fingerprint, int bits, Random r) {
        long out = fingerprint;
        for (int i = 0; i < bits; i++) {
            out ^= 1L << r.nextInt(64);
        }
        return out;
    }

    private static StoryState story(String id, long fingerprint, long lastSeen) {
        return new StoryState(id, fingerprint, 0, lastSeen, List.of(), List.of(), Map.of());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void nearestAgreesWithAScanOfEveryStoryThroughAddsUpdatesAndRemovals(long seed) {
        Random r = new Random(seed);
        StoryIndex index = new StoryIndex();
        Map<String, long[]> reference = new LinkedHashMap<>();
        List<Long> seen = new ArrayList<>();
        int found = 0;
        for (int step = 0; step < 6_000; step++) {
            int action = r.nextInt(10);
            if (action < 5) {
                // a new story: unrelated, or 0 to 12 bits from an earlier one (both sides of the distance limit)
                long fp = seen.isEmpty() || r.nextBoolean() ? r.nextLong() : flipBits(seen.get(r.nextInt(seen.size())),
                        r.nextInt(13), r);
                if (r.nextInt(50) == 0) {
                    fp = TextFingerprint.NONE;
                }
                String id = "s" + step;
                long t = r.nextInt(5_000);
                index.put(story(id, fp, t));
                reference.put(id, new long[] {fp, t});
                seen.add(fp);
            } else if (action < 6 && !reference.isEmpty()) {
                String id = new ArrayList<>(reference.keySet()).get(r.nextInt(reference.size()));
                index.remove(id);
                reference.remove(id);
            } else if (action < 7 && !reference.isEmpty()) {
                String id = new ArrayList<>(reference.keySet()).get(r.nextInt(reference.size()));
                long t = r.nextInt(5_000);
                index.put(story(id, reference.get(id)[0], t));
                reference.get(id)[1] = t;
            } else {
                long query = seen.isEmpty() || r.nextInt(4) == 0 ? r.nextLong()
                        : flipBits(seen.get(r.nextInt(seen.size())), r.nextInt(11), r);
                long t = r.nextInt(5_000);
                String expected = scan(reference, query, t);
                assertThat(index.nearest(query, t, WINDOW)).as("step %d", step).isEqualTo(expected);
                found += expected != null ? 1 : 0;
            }
        }
        assertThat(index.size()).isEqualTo(reference.size());
        assertThat(found).as("the queries found stories often enough to test the ties and limits").isGreaterThan(200);
    }

    @Test
    void aStoryExactlyAtTheLimitIsFoundAndOneBitFurtherIsNot() {
        StoryIndex index = new StoryIndex();
        long base = 0x5DEECE66DL * 0x9E3779B97F4A7C15L;
        index.put(story("a", base, 0));
        // eight bits spread one or two per block: no block matches exactly
        long eight = base ^ 0b11L ^ (0b11L << 13) ^ (0b11L << 26) ^ (0b1L << 39) ^ (0b1L << 52);
        assertThat(Long.bitCount(base ^ eight)).isEqualTo(8);
        assertThat(index.nearest(eight, 0, WINDOW)).isEqualTo("a");
        assertThat(index.nearest(eight ^ (1L << 60), 0, WINDOW)).isNull();
    }

    @Test
    void tiesGoToTheSmallerIdWhateverTheOrderOfInsertion() {
        StoryIndex index = new StoryIndex();
        long fp = 0x0123_4567_89AB_CDEFL;
        index.put(story("b", fp ^ 1, 0));
        index.put(story("a", fp ^ 2, 0));
        index.put(story("c", fp, 0));
        assertThat(index.nearest(fp ^ 3, 0, WINDOW)).isEqualTo("a");
        index.remove("a");
        assertThat(index.nearest(fp ^ 3, 0, WINDOW)).isEqualTo("b");
    }

    /**
     * Every k-th smallest of values drawn from {@code range} distinct times (few: many ties), in the order given:
     * random, ascending (how the index mostly holds them), descending, or all equal.
     */
    @ParameterizedTest(name = "{0} values of {1} distinct, {2}")
    @CsvSource({
        "1, 1, random",
        "2, 2, random",
        "7, 3, random",
        "500, 1000000, random",
        "500, 4, random",
        "500, 500, ascending",
        "500, 500, descending",
        "500, 1, random",
        "4001, 60, ascending",
    })
    void theSelectionAgreesWithASort(int n, int range, String order) {
        Random random = new Random(n * 31L + range);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1_700_000_000_000L + random.nextInt(range);
        }
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        if (order.equals("ascending")) {
            values = sorted.clone();
        } else if (order.equals("descending")) {
            for (int i = 0; i < n; i++) {
                values[i] = sorted[n - 1 - i];
            }
        }
        for (int k = 0; k < n; k += Math.max(1, n / 50)) {
            assertThat(StoryIndex.kthSmallest(values.clone(), n, k)).as("k = %d", k).isEqualTo(sorted[k]);
        }
        assertThat(StoryIndex.kthSmallest(values.clone(), n, n - 1)).isEqualTo(sorted[n - 1]);
    }
}
