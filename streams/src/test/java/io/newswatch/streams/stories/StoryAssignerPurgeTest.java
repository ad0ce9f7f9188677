package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Closing idle stories: which ones close, what they leave behind, and that the index alone finds them. */
class StoryAssignerPurgeTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final long WINDOW = Duration.ofHours(1).toMillis();
    private static final long FAR_A = 0x0F0F_0F0F_0F0F_0F0FL;
    private static final long FAR_B = 0x00FF_00FF_00FF_00FFL;

    /** The stories in memory, counting how often a story is visited (the old purge visited them all). */
    private static final class CountingStore extends InMemoryStoryStore {
        int visits;

        @Override
        public void forEachStory(Consumer<StoryState> visitor) {
            super.forEachStory(story -> {
                visits++;
                visitor.accept(story);
            });
        }
    }

    private static StoryCandidate candidate(String path, String source, Duration after) {
        Instant published = T0.plus(after);
        Article article = Article.of("https://" + source + ".example/" + path, source, "A headline for " + path, null,
                published, published.plusSeconds(60), "en", "Some text about " + path + ".");
        return new StoryCandidate(StoryCandidate.SCHEMA_VERSION,
                new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, List.of(), List.of(), List.of(), List.of(),
                        "v1", published), List.of());
    }

    private static long at(Duration after) {
        return T0.plus(after).toEpochMilli();
    }

    @Test
    void purgeClosesOnlyTheStoriesIdleLongerThanTheWindowAndForgetsTheirArticles() {
        CountingStore store = new CountingStore();
        StoryAssigner assigner = new StoryAssigner(store, WINDOW);
        StoryCandidate early = candidate("early", "east", Duration.ZERO);
        StoryCandidate copy = candidate("early-copy", "west", Duration.ofMinutes(5));
        StoryCandidate late = candidate("late", "east", Duration.ofMinutes(50));
        assigner.assign(early, FAR_A, at(Duration.ZERO));
        assigner.assign(copy, FAR_A ^ 0b111, at(Duration.ofMinutes(5)));
        assigner.assign(late, FAR_B, at(Duration.ofMinutes(50)));
        String earlyStory = store.storyOf(early.tagged().article().id());
        assertThat(store.storyOf(copy.tagged().article().id())).as("the copy joined the first report").isEqualTo(earlyStory);
        int visitsBefore = store.visits;

        assertThat(assigner.purge(at(Duration.ofMinutes(66)))).isEqualTo(1);

        assertThat(store.story(earlyStory)).isNull();
        assertThat(store.storyOf(early.tagged().article().id())).isNull();
        assertThat(store.storyOf(copy.tagged().article().id())).isNull();
        assertThat(store.story(late.tagged().article().id())).isNotNull();
        assertThat(store.storyOf(late.tagged().article().id())).isEqualTo(late.tagged().article().id());
        assertThat(store.visits).as("the idle stories come from the index, not a walk over the store")
                .isEqualTo(visitsBefore);
        assertThat(assigner.purge(at(Duration.ofMinutes(66)))).as("nothing left to close").isZero();
        // a third outlet's copy after the purge finds no open story and starts its own
        StoryCandidate third = candidate("early-third", "north", Duration.ofMinutes(67));
        assigner.assign(third, FAR_A, at(Duration.ofMinutes(67)));
        assertThat(store.storyOf(third.tagged().article().id())).isEqualTo(third.tagged().article().id());
    }

    @Test
    void aStoryWithoutFingerprintIsClosedTooButNeverFoundAsNearest() {
        CountingStore store = new CountingStore();
        StoryAssigner assigner = new StoryAssigner(store, WINDOW);
        StoryCandidate brief = candidate("brief", "east", Duration.ZERO);
        assigner.assign(brief, TextFingerprint.NONE, at(Duration.ZERO));
        StoryCandidate near = candidate("near-none", "west", Duration.ofMinutes(1));
        assigner.assign(near, TextFingerprint.NONE ^ 0b1, at(Duration.ofMinutes(1)));
        assertThat(store.storyOf(near.tagged().article().id()))
                .as("one bit from NONE is not near a story that has no fingerprint")
                .isEqualTo(near.tagged().article().id());

        assertThat(assigner.purge(at(Duration.ofMinutes(62)))).isEqualTo(2);
        for (StoryCandidate c : List.of(brief, near)) {
            assertThat(store.story(c.tagged().article().id())).isNull();
            assertThat(store.storyOf(c.tagged().article().id())).isNull();
        }
    }

    @Test
    void openStoriesAreIndexedAgainWhenTheAssignerStartsOnAnExistingStore() {
        CountingStore store = new CountingStore();
        StoryAssigner first = new StoryAssigner(store, WINDOW);
        StoryCandidate old = candidate("old", "east", Duration.ZERO);
        StoryCandidate recent = candidate("new", "east", Duration.ofMinutes(30));
        first.assign(old, FAR_A, at(Duration.ZERO));
        first.assign(recent, FAR_B, at(Duration.ofMinutes(30)));

        StoryAssigner restarted = new StoryAssigner(store, WINDOW);

        assertThat(restarted.purge(at(Duration.ofMinutes(75)))).isEqualTo(1);
        assertThat(store.story(old.tagged().article().id())).isNull();
        assertThat(store.story(recent.tagged().article().id())).isNotNull();
    }
}
