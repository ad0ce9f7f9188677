package io.newswatch.streams.stories;

import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The story step's state over three key-value tables (stories by id, the story of each article, the alerts already
 * raised): the one implementation of {@link StoryAssigner.Store}, whether the tables are the live topology's
 * changelogged state stores or, in a replay, plain maps ({@link InMemoryStoryStore}). Not thread-safe, like the
 * {@link StoryAssigner} that owns it.
 */
public class StoryTables implements StoryAssigner.Store {
    /** The little of a map or a state store that the story step needs. */
    public interface Table<V> {
        /** The value under the key, or null. */
        V get(String key);

        void put(String key, V value);

        void delete(String key);

        /** Visits every value. */
        void forEachValue(Consumer<V> visitor);

        /** A table over a map; a visit walks a copy, so the visitor may change the table. */
        static <V> Table<V> of(Map<String, V> map) {
            return new Table<>() {
                @Override
                public V get(String key) {
                    return map.get(key);
                }

                @Override
                public void put(String key, V value) {
                    map.put(key, value);
                }

                @Override
                public void delete(String key) {
                    map.remove(key);
                }

                @Override
                public void forEachValue(Consumer<V> visitor) {
                    new ArrayList<>(map.values()).forEach(visitor);
                }
            };
        }
    }

    private final Table<StoryState> stories;
    private final Table<String> articleStory;
    private final Table<Long> firedAlerts;

    /**
     * @param stories      open stories by story id
     * @param articleStory the story id of each article seen in an open story
     * @param firedAlerts  the time each alert already raised for a story was raised, by alert id
     */
    public StoryTables(Table<StoryState> stories, Table<String> articleStory, Table<Long> firedAlerts) {
        this.stories = Objects.requireNonNull(stories);
        this.articleStory = Objects.requireNonNull(articleStory);
        this.firedAlerts = Objects.requireNonNull(firedAlerts);
    }

    @Override
    public StoryState story(String storyId) {
        return stories.get(storyId);
    }

    @Override
    public void putStory(StoryState story) {
        stories.put(story.storyId(), story);
    }

    @Override
    public String storyOf(String articleId) {
        return articleStory.get(articleId);
    }

    @Override
    public void putStoryOf(String articleId, String storyId) {
        articleStory.put(articleId, storyId);
    }

    @Override
    public boolean fired(String alertId) {
        return firedAlerts.get(alertId) != null;
    }

    @Override
    public void putFired(String alertId, long timestamp) {
        firedAlerts.put(alertId, timestamp);
    }

    @Override
    public void forEachStory(Consumer<StoryState> visitor) {
        stories.forEachValue(visitor);
    }

    @Override
    public void removeStory(StoryState story) {
        stories.delete(story.storyId());
        story.articles().forEach(articleStory::delete);
    }

    @Override
    public void removeSoleStory(String storyId) {
        stories.delete(storyId);
        articleStory.delete(storyId);
    }
}
