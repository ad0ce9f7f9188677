package io.newswatch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticArticlesTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");
    private static final int SAMPLE = 5_000;
    private static final String VIOLATION_RULE = "sanctions-violation";

    private static SyntheticArticles generator;
    private static List<Article> sample;
    private static List<TagResult> tags;

    @BeforeAll
    static void tagSample() {
        generator = new SyntheticArticles(42, 2_000, FROM, TO);
        sample = generator.stream(SAMPLE).toList();
        Tagger tagger = Tagger.withDefaultRules();
        tags = sample.stream().map(a -> tagger.tag(a.text())).toList();
    }

    @Test
    void sameSeedAndNumberGiveEqualArticlesWhateverTheOrder() {
        SyntheticArticles again = new SyntheticArticles(42, 2_000, FROM, TO);
        List<Article> backwards = LongStream.iterate(SAMPLE - 1, n -> n >= 0, n -> n - 7)
                .mapToObj(again::article).toList();
        for (int i = 0; i < backwards.size(); i++) {
            assertThat(backwards.get(i)).isEqualTo(sample.get(SAMPLE - 1 - 7 * i));
        }
        assertThat(generator.article(1234)).isEqualTo(sample.get(1234));
    }

    @Test
    void differentSeedsGiveDifferentArticles() {
        SyntheticArticles other = new SyntheticArticles(43, 2_000, FROM, TO);
        long differentTexts = LongStream.range(0, 100)
                .filter(n -> !other.article(n).text().equals(sample.get((int) n).text())).count();
        assertThat(differentTexts).isEqualTo(100);
    }

    @Test
    void inPublicationOrderOriginalsFollowEachOtherAndCopiesComeAfterTheirOriginal() {
        SyntheticArticles feed = SyntheticArticles.inPublicationOrder(42, 2_000, FROM, java.time.Duration.ofSeconds(1));
        int copies = 0;
        for (long n = 0; n < 2_000; n++) {
            Article a = feed.article(n);
            assertThat(a.text()).as("the time model changes no text").isEqualTo(sample.get((int) n).text());
            OptionalLong original = feed.nearDuplicateOf(n);
            if (original.isEmpty()) {
                assertThat(a.publishedAt()).isBetween(FROM.plusSeconds(n), FROM.plusSeconds(n + 1));
            } else {
                copies++;
                assertThat(a.publishedAt()).isBetween(feed.article(original.getAsLong()).publishedAt().plusSeconds(600),
                        feed.article(original.getAsLong()).publishedAt().plusSeconds(3 * 3600));
            }
        }
        assertThat(copies).isPositive();
        assertThatThrownBy(() -> SyntheticArticles.inPublicationOrder(1, 1_000, FROM, java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
    }

    @Test
    void inAFeedOnlyTheCopiesJoinAnEarlierStory() {
        // what the story step sees: every article's nearest open story within the window, in publication order
        SyntheticArticles feed = SyntheticArticles.inPublicationOrder(42, 2_000, FROM, java.time.Duration.ofSeconds(1));
        StoryIndex index = new StoryIndex();
        long window = java.time.Duration.ofHours(72).toMillis();
        java.util.Map<String, Long> storyFingerprint = new java.util.HashMap<>();
        int copies = 0;
        int copiesJoined = 0;
        int othersJoined = 0;
        for (long n = 0; n < 3_000; n++) {
            Article a = feed.article(n);
            long fingerprint = TextFingerprint.of(a.text());
            long t = a.publishedAt().toEpochMilli();
            String near = index.nearest(fingerprint, t, window);
            boolean copy = feed.nearDuplicateOf(n).isPresent();
            copies += copy ? 1 : 0;
            copiesJoined += copy && near != null ? 1 : 0;
            othersJoined += !copy && near != null ? 1 : 0;
            String story = near != null ? near : a.id();
            storyFingerprint.putIfAbsent(story, fingerprint);
            index.put(new io.newswatch.streams.stories.StoryState(story, storyFingerprint.get(story), t, t, List.of(),
                    List.of(), java.util.Map.of()));
        }
        assertThat(copiesJoined).as("copies that found their original").isGreaterThanOrEqualTo((int) (copies * 0.95));
        assertThat(othersJoined).as("unrelated articles taken for copies (of %d)", 3_000 - copies)
                .isLessThanOrEqualTo(15);
    }

    @Test
    void inventedWordsNeverNameAWatchedCountry() {
        java.util.Random r = new java.util.Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append(SyntheticVocabulary.aside(r)).append(i % 5 == 4 ? "\n\n" : " ");
        }
        TagResult result = Tagger.withDefaultRules().tag(text.toString());
        assertThat(result.entities()).isEmpty();
        assertThat(result.tags()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1_024, 5_120})
    void textSizeIsWithinTenPercentOfTheTarget(int textBytes) {
        SyntheticArticles sized = new SyntheticArticles(7, textBytes, FROM, TO);
        sized.stream(1_000).forEach(a -> assertThat(a.text().getBytes(StandardCharsets.UTF_8).length)
                .as("article %s", a.url())
                .isBetween((int) (textBytes * 0.9), (int) (textBytes * 1.1)));
    }

    @Test
    void everyFieldIsFilledConsistently() {
        for (Article a : sample) {
            assertThat(a.url()).matches("https://synthetic\\.newswatch\\.test/[a-z-]+/\\d{4}/\\d{2}/\\d+");
            assertThat(a.url()).startsWith("https://synthetic.newswatch.test/" + a.sourceId() + "/");
            assertThat(a.id()).isEqualTo(Ids.articleId(a.url()));
            assertThat(a.contentHash()).isEqualTo(Ids.contentHash(a.title(), a.text()));
            assertThat(a.schemaVersion()).isEqualTo(Article.SCHEMA_VERSION);
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.title()).isNotBlank();
            assertThat(a.text()).contains("\n\n");
            assertThat(a.publishedAt()).isBetween(FROM, TO.minusMillis(1));
            assertThat(a.fetchedAt()).isAfter(a.publishedAt()).isBefore(a.publishedAt().plusSeconds(15 * 60));
        }
        assertThat(sample.stream().map(Article::sourceId).distinct().count()).isBetween(10L, 14L);
    }

    @Test
    void publicationTimesSpreadOverTheWholeRange() {
        long firstHalf = sample.stream().filter(a -> a.publishedAt().isBefore(Instant.parse("2025-04-01T12:00:00Z")))
                .count();
        assertThat(firstHalf).isBetween(SAMPLE * 45L / 100, SAMPLE * 55L / 100);
    }

    @Test
    void idsAreUniqueIncludingNearDuplicates() {
        Set<String> ids = new HashSet<>();
        sample.forEach(a -> assertThat(ids.add(a.id())).as("unique id of %s", a.url()).isTrue());
    }

    @Test
    void aboutThirtyPercentMentionAWatchedCountryAccordingToTheTagger() {
        long withEntity = tags.stream().filter(t -> !t.entities().isEmpty()).count();
        assertThat(withEntity / (double) SAMPLE).isBetween(0.25, 0.35);
        for (int n = 0; n < SAMPLE; n++) {
            assertThat(!tags.get(n).entities().isEmpty()).as("entities of article %d", n)
                    .isEqualTo(generator.mentionsEntity(n));
        }
    }

    @Test
    void aboutFivePercentMatchTheViolationRuleAndAllOfThemMentionACountry() {
        long violations = tags.stream().filter(t -> t.matched(VIOLATION_RULE)).count();
        assertThat(violations / (double) SAMPLE).isBetween(0.04, 0.06);
        for (int n = 0; n < SAMPLE; n++) {
            assertThat(tags.get(n).matched(VIOLATION_RULE)).as("violation in article %d", n)
                    .isEqualTo(generator.violation(n));
            if (tags.get(n).matched(VIOLATION_RULE)) {
                assertThat(tags.get(n).entities()).isNotEmpty();
            }
        }
    }

    @Test
    void nearDuplicatesCopyAnEarlierStoryFromAnotherOutletCloseEnoughToGroup() {
        int copies = 0;
        for (int n = 0; n < SAMPLE; n++) {
            OptionalLong original = generator.nearDuplicateOf(n);
            if (original.isEmpty()) {
                continue;
            }
            copies++;
            Article copy = sample.get(n);
            Article first = sample.get((int) original.getAsLong());
            assertThat(original.getAsLong()).isLessThan(n);
            assertThat(copy.sourceId()).isNotEqualTo(first.sourceId());
            assertThat(copy.text()).isNotEqualTo(first.text());
            assertThat(copy.publishedAt()).isAfterOrEqualTo(first.publishedAt())
                    .isBefore(first.publishedAt().plusSeconds(4 * 3600));
            assertThat(TextFingerprint.distance(TextFingerprint.of(copy.text()), TextFingerprint.of(first.text())))
                    .as("fingerprint distance of copy %d from %d", n, original.getAsLong())
                    .isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE);
        }
        assertThat(copies / (double) SAMPLE).isBetween(0.02, 0.04);
    }

    @Test
    void rejectsTooSmallTextsEmptyRangesAndNegativeNumbers() {
        assertThatThrownBy(() -> new SyntheticArticles(1, 100, FROM, TO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticArticles(1, 1_000, TO, FROM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.article(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
