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
 * <p>A linear scan: one XOR and popcount per open story (a few microseconds for ten thousand), simpler and exact
 * where banded locality-sensitive hashing would only bound the distance it can find.
 */
public final class StoryIndex {
    /**
     * Largest fingerprint distance (bits of 64) at which two texts are one story. Light edits of a 150-word wire
     * story (a dateline or a closing line added, a sentence cut, a figure reworded) measured 0 to 6 bits here;
     * different stories on the same subject about 30, as for unrelated texts (expected 32).
     */
    public static final int MAX_DISTANCE = 8;

    // parallel arrays, scanned linearly: no boxing and no hash-map iteration on the hot path
    private final Map<String, Integer> slot = new HashMap<>();
    private String[] ids = new String[64];
    private long[] fingerprints = new long[64];
    private long[] lastSeen = new long[64];
    private int size;

    /**
     * Adds or updates a story. A story without a fingerprint ({@link TextFingerprint#NONE}) is held too, so that
     * {@link #idleSince} finds it when it closes, but {@link #nearest} never returns it: nothing can be near it.
     */
    public void put(StoryState story) {
        Integer at = slot.get(story.storyId());
        if (at == null) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                fingerprints = Arrays.copyOf(fingerprints, size * 2);
                lastSeen = Arrays.copyOf(lastSeen, size * 2);
            }
            at = size++;
            slot.put(story.storyId(), at);
            ids[at] = story.storyId();
        }
        fingerprints[at] = story.fingerprint();
        lastSeen[at] = story.lastSeen();
    }

    public void remove(String storyId) {
        Integer at = slot.remove(storyId);
        if (at == null) {
            return;
        }
        int last = --size;
        if (at != last) {
            ids[at] = ids[last];
            fingerprints[at] = fingerprints[last];
            lastSeen[at] = lastSeen[last];
            slot.put(ids[at], at);
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
        for (int i = 0; i < size; i++) {
            int d = Long.bitCount(fingerprint ^ fingerprints[i]);
            if (d > bestDistance || d > MAX_DISTANCE || Math.abs(eventTime - lastSeen[i]) > windowMs
                    || fingerprints[i] == TextFingerprint.NONE) {
                continue;
            }
            if (d < bestDistance || ids[i].compareTo(best) < 0) {
                best = ids[i];
                bestDistance = d;
            }
        }
        return best;
    }
}
