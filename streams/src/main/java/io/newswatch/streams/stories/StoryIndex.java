package io.newswatch.streams.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints of the open stories, in memory, for the nearest-story lookup. The stories themselves live in a
 * changelogged state store; this index is rebuilt from it when a task starts ({@link #put} for each story) and kept
 * in step with it, so it needs no changelog of its own.
 *
 * <p>The lookup is exact, and it reads only a small share of the stories: multi-index hashing (Manku, Jain and Das
 * Sarma, WWW 2007, section 3). The 64 bits are cut into {@link #BLOCKS} blocks of 12 or 13 bits. Two fingerprints at
 * most {@link #MAX_DISTANCE} = 8 bits apart differ in at most one bit in at least one block (if every block differed
 * in two or more, they would be at least 10 bits apart). So the stories whose block value equals the query's, or
 * differs from it in one bit, in some block, include every story within the distance: about 5 × 14 / 8192 of the
 * open stories are checked instead of all of them. A linear scan cost 60 µs an article with 40,000 stories open, the
 * number a busy feed keeps open within a 72-hour window.
 */
public final class StoryIndex {
    /**
     * Largest fingerprint distance (bits of 64) at which two texts are one story. Light edits of a 150-word wire
     * story (a dateline or a closing line added, a sentence cut, a figure reworded) measured 0 to 6 bits here;
     * different stories on the same subject about 30, as for unrelated texts (expected 32).
     */
    public static final int MAX_DISTANCE = 8;
    /** Blocks the fingerprint is cut into: MAX_DISTANCE / BLOCKS must be below 2 for the one-bit probes to be exact. */
    static final int BLOCKS = 5;
    private static final int[] BLOCK_START = {0, 13, 26, 39, 52};
    private static final int[] BLOCK_BITS = {13, 13, 13, 13, 12};

    // parallel arrays: no boxing on the hot path
    private final Map<String, Integer> slot = new HashMap<>();
    private String[] ids = new String[64];
    private long[] fingerprints = new long[64];
    private long[] lastSeen = new long[64];
    /** Whether the story's one article is the one it is named after: closing it needs no read of its state. */
    private boolean[] sole = new boolean[64];
    private int size;
    /** For each block and block value, the slots whose fingerprint has that value there; unused tails are junk. */
    private final int[][][] buckets = new int[BLOCKS][][];
    private final int[][] bucketSizes = new int[BLOCKS][];

    public StoryIndex() {
        for (int b = 0; b < BLOCKS; b++) {
            buckets[b] = new int[1 << BLOCK_BITS[b]][];
            bucketSizes[b] = new int[1 << BLOCK_BITS[b]];
        }
    }

    /**
     * Adds or updates a story. A story without a fingerprint ({@link TextFingerprint#NONE}) is held too, so that
     * {@link #idleSince} finds it when it closes, but {@link #nearest} never returns it: nothing can be near it.
     * A story's fingerprint is its first report's and never changes; an update only moves its last report.
     */
    public void put(StoryState story) {
        Integer at = slot.get(story.storyId());
        if (at == null) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                fingerprints = Arrays.copyOf(fingerprints, size * 2);
                lastSeen = Arrays.copyOf(lastSeen, size * 2);
                sole = Arrays.copyOf(sole, size * 2);
            }
            at = size++;
            slot.put(story.storyId(), at);
            ids[at] = story.storyId();
            fingerprints[at] = story.fingerprint();
            addToBuckets(at);
        } else if (fingerprints[at] != story.fingerprint()) {
            removeFromBuckets(at);
            fingerprints[at] = story.fingerprint();
            addToBuckets(at);
        }
        lastSeen[at] = story.lastSeen();
        sole[at] = story.articles().size() == 1 && story.articles().get(0).equals(story.storyId());
    }

    /**
     * Whether the open story's only article is the article it is named after (most stories: one outlet's report
     * that no other copied), so that closing it deletes two known keys without reading its state.
     */
    public boolean soleReport(String storyId) {
        Integer at = slot.get(storyId);
        return at != null && sole[at];
    }

    public void remove(String storyId) {
        Integer at = slot.remove(storyId);
        if (at == null) {
            return;
        }
        removeFromBuckets(at);
        int last = --size;
        if (at != last) {
            removeFromBuckets(last);
            ids[at] = ids[last];
            fingerprints[at] = fingerprints[last];
            lastSeen[at] = lastSeen[last];
            sole[at] = sole[last];
            slot.put(ids[at], at);
            addToBuckets(at);
        }
        ids[last] = null;
    }

    public int size() {
        return size;
    }

    /**
     * The ids of the stories whose latest report is before {@code cutoff} (epoch ms), in no particular order: the
     * ones to close. A scan of the in-memory arrays, so closing stories reads no store.
     */
    public List<String> idleSince(long cutoff) {
        List<String> idle = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (lastSeen[i] < cutoff) {
                idle.add(ids[i]);
            }
        }
        return idle;
    }

    /**
     * The ids of the {@code count} stories with the oldest latest report, in no particular order (fewer if fewer
     * are open), leaving out {@code keep} (may be null); ties go to the smaller story id, so the choice does not
     * depend on the order the stories were indexed in.
     */
    public List<String> oldest(int count, String keep) {
        // the story kept is known by its slot: comparing 100,000 ids with it read each id's string, a cache miss each
        Integer kept = keep == null ? null : slot.get(keep);
        int skip = kept == null ? -1 : kept;
        int candidates = size - (skip >= 0 ? 1 : 0);
        if (count <= 0 || candidates <= 0) {
            return List.of();
        }
        count = Math.min(count, candidates);
        // a selection among the primitive times finds the cut-off; only the stories at the cut-off need their ids
        long[] times = new long[candidates];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (i != skip) {
                times[n++] = lastSeen[i];
            }
        }
        long cutoff = kthSmallest(times, n, count - 1);
        int ties = 0;
        for (int i = 0; i < n; i++) {
            if (times[i] == cutoff) {
                ties++;
            }
        }
        // sized once: in a run at the cap, growing the list of ties took more samples than the selection itself
        List<String> out = new ArrayList<>(count);
        List<String> atCutoff = new ArrayList<>(ties);
        for (int i = 0; i < size; i++) {
            if (i == skip) {
                continue;
            }
            if (lastSeen[i] < cutoff) {
                out.add(ids[i]);
            } else if (lastSeen[i] == cutoff) {
                atCutoff.add(ids[i]);
            }
        }
        atCutoff.sort(null);
        out.addAll(atCutoff.subList(0, count - out.size()));
        return out;
    }

    /**
     * The {@code k}-th smallest (from 0) of the first {@code n} values of {@code a}, which it reorders: Hoare's
     * selection ("Algorithm 65: Find", CACM 4(7), 1961) with a three-way partition, so that many equal values (stories
     * last seen in the same millisecond) cost no more than distinct ones, and a median-of-three pivot, so that times
     * already in order (as the index mostly holds them) do not make it quadratic. Why not a sort: at a full cap of
     * 100,000 stories, the sort took 6 % of the stream thread's samples in a 1,000 articles/s run, in one burst each
     * time the cap was reached.
     */
    static long kthSmallest(long[] a, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " is not within the " + n + " values");
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            long pivot = median(a[lo], a[lo + (hi - lo) / 2], a[hi]);
            // after the pass: [lo, lt) below the pivot, [lt, gt] equal to it, (gt, hi] above it
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i <= gt) {
                long v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        return a[lo];
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * The open story nearest to the fingerprint within {@link #MAX_DISTANCE} whose last report is at most
     * {@code windowMs} from {@code eventTime}; null when none (or the fingerprint is {@link TextFingerprint#NONE}).
     * Ties go to the smaller story id, so the answer does not depend on insertion order.
     */
    public String nearest(long fingerprint, long eventTime, long windowMs) {
        if (fingerprint == TextFingerprint.NONE) {
            return null;
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (int b = 0; b < BLOCKS; b++) {
            int value = block(fingerprint, b);
            for (int flip = -1; flip < BLOCK_BITS[b]; flip++) {
                int probe = flip < 0 ? value : value ^ (1 << flip);
                int[] bucket = buckets[b][probe];
                for (int k = 0, n = bucketSizes[b][probe]; k < n; k++) {
                    int i = bucket[k];
                    int d = Long.bitCount(fingerprint ^ fingerprints[i]);
                    if (d > bestDistance || d > MAX_DISTANCE || Math.abs(eventTime - lastSeen[i]) > windowMs
                            || fingerprints[i] == TextFingerprint.NONE) {
                        continue;
                    }
                    // a story found through two blocks is simply seen twice: the comparison is idempotent
                    if (d < bestDistance || ids[i].compareTo(best) < 0) {
                        best = ids[i];
                        bestDistance = d;
                    }
                }
            }
        }
        return best;
    }

    private static int block(long fingerprint, int b) {
        return (int) ((fingerprint >>> BLOCK_START[b]) & ((1L << BLOCK_BITS[b]) - 1));
    }

    private void addToBuckets(int at) {
        for (int b = 0; b < BLOCKS; b++) {
            int value = block(fingerprints[at], b);
            int[] bucket = buckets[b][value];
            int n = bucketSizes[b][value];
            if (bucket == null) {
                bucket = new int[2];
            } else if (n == bucket.length) {
                bucket = Arrays.copyOf(bucket, n * 2);
            }
            bucket[n] = at;
            buckets[b][value] = bucket;
            bucketSizes[b][value] = n + 1;
        }
    }

    private void removeFromBuckets(int at) {
        for (int b = 0; b < BLOCKS; b++) {
            int value = block(fingerprints[at], b);
            int[] bucket = buckets[b][value];
            int n = bucketSizes[b][value];
            for (int k = 0; k < n; k++) {
                if (bucket[k] == at) {
                    bucket[k] = bucket[n - 1];
                    bucketSizes[b][value] = n - 1;
                    break;
                }
            }
        }
    }
}
