package io.newswatch.benchmarks.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newswatch.model.Article;
import io.newswatch.model.Ids;
import io.newswatch.streams.stories.StoryIndex;
import io.newswatch.streams.stories.StoryState;
import io.newswatch.streams.stories.TextFingerprint;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generator's contract: determinism, sizes, fields, times, copies, shares and ground truth, for both mixes. */
class SyntheticArticlesTest {
    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-07-01T00:00:00Z");
    private static final int SAMPLE = 5_000;
    private static final Tagger TAGGER = Tagger.withDefaultRules();

    private static SyntheticArticles generator;
    private static List<Article> sample;

    @BeforeAll
    static void generateSample() {
        generator = new SyntheticArticles(Mix.NEWS_FEED, 42, 2_000, FROM, TO);
        sample = generator.stream(SAMPLE).toList();
    }

    private static SyntheticArticles feed(Mix mix, int textBytes) {
        return SyntheticArticles.inPublicationOrder(mix, 42, textBytes, FROM, Duration.ofSeconds(1));
    }

    @Test
    void sameSeedAndNumberGiveEqualArticlesWhateverTheOrder() {
        SyntheticArticles again = new SyntheticArticles(Mix.NEWS_FEED, 42, 2_000, FROM, TO);
        List<Article> backwards = LongStream.iterate(SAMPLE - 1, n -> n >= 0, n -> n - 7)
                .mapToObj(again::article).toList();
        for (int i = 0; i < backwards.size(); i++) {
            assertThat(backwards.get(i)).isEqualTo(sample.get(SAMPLE - 1 - 7 * i));
        }
        assertThat(generator.article(1234)).isEqualTo(sample.get(1234));
    }

    @Test
    void differentSeedsGiveDifferentArticles() {
        SyntheticArticles other = new SyntheticArticles(Mix.NEWS_FEED, 43, 2_000, FROM, TO);
        long differentTexts = LongStream.range(0, 100)
                .filter(n -> !other.article(n).text().equals(sample.get((int) n).text())).count();
        assertThat(differentTexts).isEqualTo(100);
    }

    @Test
    void inPublicationOrderOriginalsFollowEachOtherAndCopiesComeAfterTheirOriginal() {
        SyntheticArticles feed = feed(Mix.NEWS_FEED, 2_000);
        int copies = 0;
        for (long n = 0; n < 2_000; n++) {
            Article a = feed.article(n);
            assertThat(a.text()).as("the time model changes no text").isEqualTo(sample.get((int) n).text());
            OptionalLong original = feed.nearDuplicateOf(n);
            if (original.isEmpty()) {
                assertThat(a.publishedAt()).isBetween(FROM.plusSeconds(n), FROM.plusSeconds(n + 1));
            } else {
                copies++;
                Instant originalPublished = feed.article(original.getAsLong()).publishedAt();
                assertThat(a.publishedAt()).isBetween(originalPublished.plusSeconds(600),
                        originalPublished.plusSeconds(3 * 3600));
            }
        }
        assertThat(copies).isPositive();
    }

    @Test
    void inAFeedOnlyTheCopiesJoinAnEarlierStory() {
        // what the story step sees: every article's nearest open story within the window, in publication order
        SyntheticArticles feed = feed(Mix.NEWS_FEED, 2_000);
        StoryIndex index = new StoryIndex();
        long window = Duration.ofHours(72).toMillis();
        Map<String, Long> storyFingerprint = new HashMap<>();
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
            index.put(new StoryState(story, storyFingerprint.get(story), t, t, List.of(), List.of(), Map.of()));
        }
        assertThat(copiesJoined).as("copies that found their original").isGreaterThanOrEqualTo((int) (copies * 0.95));
        assertThat(othersJoined).as("unrelated articles taken for copies (of %d)", 3_000 - copies)
                .isLessThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0} at {1} bytes")
    @CsvSource({
        "NEWS_FEED,     512",
        "NEWS_FEED,    1024",
        "NEWS_FEED,    5120",
        "FOREIGN_DESK, 4000",
        "FOREIGN_DESK, 5000",
    })
    void textsAreWithinFivePercentOfTheSizeAndAverageIt(Mix mix, int textBytes) {
        long total = 0;
        for (Article a : feed(mix, textBytes).stream(300).toList()) {
            int bytes = a.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("article %s", a.url()).isBetween((int) (textBytes * 0.95), (int) (textBytes * 1.05));
            total += bytes;
        }
        assertThat(total / 300.0).as("mean size").isBetween(textBytes * 0.97, textBytes * 1.03);
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
            assertThat(a.text()).contains("\n\n").doesNotContain("\n\n\n").doesNotContain("{").doesNotContain("}");
            assertThat(a.publishedAt()).isBetween(FROM, TO.minusMillis(1));
            assertThat(a.fetchedAt()).isAfter(a.publishedAt()).isBefore(a.publishedAt().plusSeconds(15 * 60));
        }
        assertThat(sample.stream().map(Article::sourceId).distinct().count()).isBetween(10L, 14L);
        assertThat(sample.stream().filter(a -> a.byline() == null).count() / (double) SAMPLE).isBetween(0.15, 0.25);
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
            assertThat(generator.mentionsEntity(n)).isEqualTo(generator.mentionsEntity(original.getAsLong()));
            assertThat(generator.violation(n)).isEqualTo(generator.violation(original.getAsLong()));
            assertThat(copy.publishedAt()).isAfterOrEqualTo(first.publishedAt())
                    .isBefore(first.publishedAt().plusSeconds(4 * 3600));
            assertThat(TextFingerprint.distance(TextFingerprint.of(copy.text()), TextFingerprint.of(first.text())))
                    .as("fingerprint distance of copy %d from %d", n, original.getAsLong())
                    .isLessThanOrEqualTo(StoryIndex.MAX_DISTANCE);
        }
        assertThat(copies / (double) SAMPLE).isBetween(0.02, 0.04);
    }

    @Test
    void aForeignDeskHasNoCopies() {
        SyntheticArticles desk = feed(Mix.FOREIGN_DESK, 5_000);
        assertThat(LongStream.range(0, 2_000).filter(n -> desk.nearDuplicateOf(n).isPresent())).isEmpty();
    }

    /**
     * What the default rules find is what the generator says it wrote, article for article: a watched country
     * exactly where it says so, {@code sanctions-violation} exactly where it wrote a breach; and the shares are
     * those the mix promises.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // mix,        articles, bytes, entity share,  violation share, tagged share
        "NEWS_FEED,    3000,     2000,  0.27, 0.33,    0.04, 0.06,      0.06, 0.12",
        "FOREIGN_DESK, 512,      5000,  0.82, 0.92,    0.24, 0.33,      0.50, 0.62",
    })
    void theTaggerFindsWhatTheGeneratorWrote(Mix mix, int articles, int textBytes, double entityLeast,
                                             double entityMost, double violationLeast, double violationMost,
                                             double taggedLeast, double taggedMost) {
        SyntheticArticles articlesOfMix = feed(mix, textBytes);
        int entities = 0;
        int violations = 0;
        int tagged = 0;
        for (int n = 0; n < articles; n++) {
            TagResult tags = TAGGER.tag(articlesOfMix.article(n).text());
            assertThat(!tags.entities().isEmpty()).as("entities of article %d", n)
                    .isEqualTo(articlesOfMix.mentionsEntity(n));
            assertThat(tags.matched("sanctions-violation")).as("violation in article %d", n)
                    .isEqualTo(articlesOfMix.violation(n));
            entities += tags.entities().isEmpty() ? 0 : 1;
            violations += tags.matched("sanctions-violation") ? 1 : 0;
            tagged += tags.rules().isEmpty() ? 0 : 1;
        }
        assertThat(entities / (double) articles).isBetween(entityLeast, entityMost)
                .isCloseTo(mix.entityShare(), within(0.04));
        assertThat(violations / (double) articles).isBetween(violationLeast, violationMost)
                .isCloseTo(mix.violationShare(), within(0.04));
        assertThat(tagged / (double) articles).isBetween(taggedLeast, taggedMost);
    }

    @Test
    void everyRunOfArticlesHoldsTheMixNearItsShares() {
        // twenty corpora of 256 from twenty seeds: with each article's profile drawn at random, their violation
        // shares spread by 0.03 either way (a binomial's deviation) and the farthest lies about 0.08 off; the
        // golden-ratio sequence keeps every one within 0.03
        double expected = Mix.FOREIGN_DESK.violationShare();
        for (long seed = 1; seed <= 20; seed++) {
            SyntheticArticles desk = new SyntheticArticles(Mix.FOREIGN_DESK, seed, 5_000, FROM, TO);
            long violations = LongStream.range(0, 256).filter(desk::violation).count();
            assertThat(violations / 256.0).as("violation share with seed %d", seed)
                    .isBetween(expected - 0.04, expected + 0.04);
        }
    }

    @Test
    void rejectsTooSmallTextsEmptyRangesSpacingsAndNegativeNumbers() {
        assertThatThrownBy(() -> new SyntheticArticles(Mix.NEWS_FEED, 1, 511, FROM, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
        assertThatThrownBy(() -> new SyntheticArticles(Mix.FOREIGN_DESK, 1, 3_999, FROM, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000");
        assertThatThrownBy(() -> new SyntheticArticles(Mix.NEWS_FEED, 1, 1_000, TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> SyntheticArticles.inPublicationOrder(Mix.NEWS_FEED, 1, 1_000, FROM, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> generator.article(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.stream(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
