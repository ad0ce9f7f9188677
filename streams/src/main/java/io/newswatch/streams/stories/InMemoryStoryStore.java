package io.newswatch.streams.stories;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The story step's state kept in plain maps, for a replay (the live topology keeps it in changelogged stores) and
 * for tests. Not thread-safe, like the {@link StoryAssigner} that owns it.
 */
public class InMemoryStoryStore implements StoryAssigner.Store {
    private final Map<String, StoryState> stories = new HashMap<>();
    private final Map<String, String> articleStory = new HashMap<>();
    private final Set<String> fired = new HashSet<>();

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
        return fired.contains(alertId);
    }

    @Override
    public void putFired(String alertId, long timestamp) {
        fired.add(alertId);
    }

    @Override
    public void forEachStory(Consumer<StoryState> visitor) {
        new ArrayList<>(stories.values()).forEach(visitor);
    }

    @Override
    public void removeStory(StoryState story) {
        stories.remove(story.storyId());
        story.articles().forEach(articleStory::remove);
    }
}
