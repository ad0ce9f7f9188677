package io.newswatch.streams.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cap on open stories: which stories close early when it is reached, and what they leave behind. */
class StoryAssignerCapTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
    private static final long WINDOW = Duration.ofHours(72).toMillis();

    private final Random random = new Random(42);

    private static StoryCandidate candidate(String path, Duration after) {
        Instant published = T0.plus(after);
        Article article = Article.of("https://east.example/" + path, "east", "A headline for " + path, null,
                published, published.plusSeconds(60), "en", "Some text about " + path + ".");
        return new StoryCandidate(StoryCandidate.SCHEMA_VERSION,
                new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, List.of(), List.of(), List.of(), List.of(),
                        "v1", published), List.of());
    }

    /** Opens {@code n} unrelated stories, one a minute from T0; returns their fingerprints. */
    private List<Long> open(StoryAssigner assigner, int n) {
        List<Long> fingerprints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long fingerprint = random.nextLong(); // 64 random bits: far from every other story's
            fingerprints.add(fingerprint);
            assigner.assign(candidate("s" + i, Duration.ofMinutes(i)), fingerprint,
                    T0.plus(Duration.ofMinutes(i)).toEpochMilli());
        }
        return fingerprints;
    }

    private static String id(String path) {
        return candidate(path, Duration.ZERO).tagged().article().id();
    }

    @Test
    void pastTheCapTheStoriesWithTheOldestLatestReportCloseUntilAHundredthOfTheCapIsFree() {
        InMemoryStoryStore store = new InMemoryStoryStore();
        StoryAssigner assigner = new StoryAssigner(store, WINDOW, 200);
        List<Long> fingerprints = open(assigner, 200);
        assertThat(assigner.closedAtCap()).as("at the cap, not past it").isZero();
        // a new version of the first story's article makes that story the most recently reported one
        assigner.assign(candidate("s0", Duration.ofMinutes(300)), fingerprints.get(0),
                T0.plus(Duration.ofMinutes(300)).toEpochMilli());
        assertThat(assigner.openStories()).isEqualTo(200);

        assigner.assign(candidate("fresh", Duration.ofMinutes(301)), random.nextLong(),
                T0.plus(Duration.ofMinutes(301)).toEpochMilli());

        // 201 open: closed down to 200 - 200 / 100 = 198, the three reported longest ago
        assertThat(assigner.closedAtCap()).isEqualTo(3);
        assertThat(assigner.openStories()).isEqualTo(198);
        assertThat(store.story(id("s0"))).as("reported again at 300 min").isNotNull();
        for (String closed : List.of("s1", "s2", "s3")) {
            assertThat(store.story(id(closed))).as(closed).isNull();
        }
        assertThat(store.story(id("s4"))).isNotNull();
        assertThat(store.story(id("fresh"))).isNotNull();
    }

    @Test
    void aClosedStoryForgetsItsArticlesAndALaterCopyStartsAStoryOfItsOwn() {
        InMemoryStoryStore store = new InMemoryStoryStore();
        StoryAssigner assigner = new StoryAssigner(store, WINDOW, 100);
        List<Long> fingerprints = open(assigner, 101);

        // 101 > 100: closed down to 99, the two with the oldest latest report
        assertThat(assigner.closedAtCap()).isEqualTo(2);
        assertThat(assigner.openStories()).isEqualTo(99);
        assertThat(store.story(id("s0"))).isNull();
        assertThat(store.storyOf(id("s0"))).isNull();
        assertThat(store.story(id("s1"))).isNull();
        assertThat(store.story(id("s2"))).isNotNull();

        StoryCandidate copy = candidate("s0-copy", Duration.ofMinutes(102));
        assigner.assign(copy, fingerprints.get(0), T0.plus(Duration.ofMinutes(102)).toEpochMilli());
        assertThat(store.storyOf(copy.tagged().article().id())).as("s0 is closed: the copy is a story of its own")
                .isEqualTo(copy.tagged().article().id());
        StoryCandidate copyOfOpen = candidate("s5-copy", Duration.ofMinutes(103));
        assigner.assign(copyOfOpen, fingerprints.get(5) ^ 0b101, T0.plus(Duration.ofMinutes(103)).toEpochMilli());
        assertThat(store.storyOf(copyOfOpen.tagged().article().id())).as("s5 is open").isEqualTo(id("s5"));
    }

    /**
     * At the cap every new story closes one: a story of one report closes without its state being read, while a
     * story another report joined is read, so that the mappings of all its articles go with it.
     */
    @Test
    void aStoryOfOneReportClosesUnreadAndAJoinedStoryWithAllItsArticles() {
        List<String> read = new ArrayList<>();
        Map<String, StoryState> states = new HashMap<>() {
            @Override
            public StoryState get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };
        StoryTables.Table<StoryState> watched = StoryTables.Table.of(states);
        StoryTables store = new StoryTables(watched, StoryTables.Table.of(new HashMap<>()),
                StoryTables.Table.of(new HashMap<>()));
        StoryAssigner assigner = new StoryAssigner(store, WINDOW, 100);
        List<Long> fingerprints = open(assigner, 100);
        // a copy of s1, reported at s1's own minute, joins it: s0 and s1 stay the two oldest stories
        StoryCandidate copy = candidate("s1-copy", Duration.ofMinutes(1));
        assigner.assign(copy, fingerprints.get(1) ^ 0b101, T0.plus(Duration.ofMinutes(1)).toEpochMilli());
        assertThat(store.storyOf(copy.tagged().article().id())).isEqualTo(id("s1"));
        read.clear();

        assigner.assign(candidate("fresh", Duration.ofMinutes(200)), random.nextLong(),
                T0.plus(Duration.ofMinutes(200)).toEpochMilli());

        assertThat(assigner.closedAtCap()).isEqualTo(2);
        assertThat(read).as("states read while closing").doesNotContain(id("s0")).contains(id("s1"));
        for (String closed : List.of(id("s0"), id("s1"), copy.tagged().article().id())) {
            assertThat(store.storyOf(closed)).as(closed).isNull();
        }
        assertThat(states).doesNotContainKeys(id("s0"), id("s1"));
        assertThat(store.storyOf(id("s2"))).isEqualTo(id("s2"));
    }

    @Test
    void theStoryJustWrittenStaysOpenEvenWhenItsReportIsTheOldest() {
        InMemoryStoryStore store = new InMemoryStoryStore();
        StoryAssigner assigner = new StoryAssigner(store, WINDOW, 100);
        open(assigner, 100);
        StoryCandidate late = candidate("published-long-ago", Duration.ofHours(-10));

        assigner.assign(late, random.nextLong(), T0.toEpochMilli());

        assertThat(store.story(late.tagged().article().id())).isNotNull();
        assertThat(store.story(id("s0"))).isNull();
        assertThat(store.story(id("s1"))).isNull();
        assertThat(assigner.openStories()).isEqualTo(99);
    }

    @Test
    void anAssignerStartedWithALowerCapClosesTheOldestAtOnce() {
        InMemoryStoryStore store = new InMemoryStoryStore();
        open(new StoryAssigner(store, WINDOW), 150);

        StoryAssigner restarted = new StoryAssigner(store, WINDOW, 100);

        assertThat(restarted.openStories()).isEqualTo(99);
        assertThat(restarted.closedAtCap()).isEqualTo(51);
        assertThat(store.story(id("s50"))).isNull();
        assertThat(store.story(id("s51"))).isNotNull();
    }

    @Test
    void refusesACapBelowOne() {
        assertThatThrownBy(() -> new StoryAssigner(new InMemoryStoryStore(), WINDOW, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    /** Stories a..e with the given latest reports; the {@code count} oldest, leaving out {@code keep}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 4 3 2 1 | 2 | -  | e d",
            "5 4 3 2 1 | 2 | e  | d c",
            "1 1 1 1 1 | 3 | -  | a b c",
            "1 1 1 1 1 | 3 | a  | b c d",
            "2 1 2 1 3 | 3 | -  | b d a",
            "2 1 2 1 3 | 9 | c  | b d a e",
            "2 1 2 1 3 | 0 | -  | ''",
    })
    void theIndexNamesTheOldestStoriesTiesBySmallerId(String lastSeen, int count, String keep, String expected) {
        StoryIndex index = new StoryIndex();
        String[] times = lastSeen.split(" ");
        for (int i = 0; i < times.length; i++) {
            String storyId = String.valueOf((char) ('a' + i));
            index.put(new StoryState(storyId, 1L << i, 0, Long.parseLong(times[i]), List.of(), List.of(storyId),
                    java.util.Map.of()));
        }

        assertThat(index.oldest(count, keep.equals("-") ? null : keep))
                .containsExactlyInAnyOrderElementsOf(expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }
}
