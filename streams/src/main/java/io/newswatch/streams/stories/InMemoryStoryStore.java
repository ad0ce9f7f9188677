package io.newswatch.streams.stories;

import java.util.HashMap;

/**
 * The story step's state kept in plain maps, for a replay (the live topology keeps it in changelogged stores) and
 * for tests. Not thread-safe, like the {@link StoryAssigner} that owns it.
 */
public class InMemoryStoryStore extends StoryTables {
    public InMemoryStoryStore() {
        super(Table.of(new HashMap<>()), Table.of(new HashMap<>()), Table.of(new HashMap<>()));
    }
}
