package io.newswatch.streams.stories;

import java.util.HashMap;
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

    private record Open(long fingerprint, long lastSeen) {
    }

    private final Map<String, Open> open = new HashMap<>();

    /** Adds or updates a story. Stories without a fingerprint are not indexed: nothing can be near them. */
    public void put(StoryState story) {
        if (story.fingerprint() != TextFingerprint.NONE) {
            open.put(story.storyId(), new Open(story.fingerprint(), story.lastSeen()));
        }
    }

    public void remove(String storyId) {
        open.remove(storyId);
    }

    public int size() {
        return open.size();
    }

    /**
     * The open story nearest to the fingerprint within {@link #MAX_DISTANCE} whose last report is at most
     * {@code windowMs} from {@code eventTime}; null when none (or the fingerprint is {@link TextFingerprint#NONE}).
     * Ties go to the smaller story id, so the answer does not depend on map order.
     */
    public String nearest(long fingerprint, long eventTime, long windowMs) {
        if (fingerprint == TextFingerprint.NONE) {
            return null;
        }
        String best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (Map.Entry<String, Open> e : open.entrySet()) {
            if (Math.abs(eventTime - e.getValue().lastSeen()) > windowMs) {
                continue;
            }
            int d = TextFingerprint.distance(fingerprint, e.getValue().fingerprint());
            if (d < bestDistance || (d == bestDistance && best != null && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestDistance = d;
            }
        }
        return best;
    }
}
