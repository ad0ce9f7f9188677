package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.TrendKeys;
import io.newswatch.model.topics.Topics;
import io.newswatch.streams.TrendCountsQuery.Counts;
import io.newswatch.streams.TrendCountsQuery.HourlyCount;
import io.newswatch.streams.TrendCountsQuery;
import io.newswatch.tagger.Tagger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hourly trend counts by publication time, through the whole newswatch topology. */
class TrendCountsTest {
    private static final String APP_ID = "newswatch-trend-counts-test";
    private static final Tagger TAGGER = Tagger.withDefaultRules();
    private static final Duration GRACE = Duration.ofHours(2);
    private static final Instant H8 = Instant.parse("2025-03-01T08:00:00Z");

    @RegisterExtension
    final TestDrivers drivers = new TestDrivers();

    private TopologyTestDriver driver;
    private TestInputTopic<String, TrendKeys> trendKeys;
    private TestInputTopic<String, Article> articles;
    private WindowStore<String, Long> counts;

    @BeforeEach
    void start() {
        driver = drivers.start(NewswatchTopology.buildTopology(new StreamsBuilder(),
                new TopologyConfig(TAGGER, APP_ID), GRACE), APP_ID);
        trendKeys = driver.createInputTopic(Topics.TREND_KEYS.name(), new StringSerializer(),
                Topics.TREND_KEYS.valueSerde().serializer());
        articles = TestDrivers.articles(driver);
        counts = driver.getWindowStore(TrendCounts.COUNTS_STORE);
    }

    private static TaggedArticle taggedArticle(String url, String text, Instant publishedAt, List<String> entities,
                                               List<String> tags) {
        Article a = Article.of(url, "test-source", "Headline", null, publishedAt, publishedAt, "en", text);
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, entities, tags, List.of(), List.of(), "test",
                publishedAt);
    }

    /** As the tagging step passes a tagged article that came in a record stamped {@code recordTime} on. */
    private void pipe(TaggedArticle t, Instant recordTime) {
        TrendCounts.keysRecord(t, recordTime.toEpochMilli()).ifPresent(r -> trendKeys.pipeInput(r.key(), r.value(),
                r.timestamp()));
    }

    private long count(String key, Instant hour) {
        return TrendCountsQuery.read(counts, key, hour, hour.plus(TrendCounts.WINDOW)).total();
    }

    @Test
    void countsEachEntityAndTagInTheHourOfPublicationNotOfArrival() {
        pipe(taggedArticle("https://news.example/a", "one", H8.plusSeconds(600), List.of("KP", "RU"),
                List.of("ru-kp", "sanctions-violation")), H8.plus(Duration.ofHours(1)).plusSeconds(1200));
        pipe(taggedArticle("https://news.example/b", "two", H8.plusSeconds(3000), List.of("RU"), List.of()),
                H8.plusSeconds(3100));

        assertThat(count("RU", H8)).isEqualTo(2);
        assertThat(count("KP", H8)).isEqualTo(1);
        assertThat(count("ru-kp", H8)).isEqualTo(1);
        assertThat(count("sanctions-violation", H8)).isEqualTo(1);
        assertThat(count("RU", H8.plus(TrendCounts.WINDOW))).as("arrival hour").isZero();
        assertThat(count("ru-kp", H8.plus(TrendCounts.WINDOW))).isZero();
        assertThat(count("CN", H8)).isZero();
    }

    @Test
    void aNewVersionOfAnArticleCountsOnlyTheKeysItAdds() {
        String url = "https://news.example/summit";
        pipe(taggedArticle(url, "v1", H8.plusSeconds(60), List.of("KP", "RU"), List.of("ru-kp")), H8.plusSeconds(120));
        pipe(taggedArticle(url, "v2", H8.plusSeconds(60), List.of("KP", "RU"), List.of("ru-kp")), H8.plusSeconds(180));
        pipe(taggedArticle(url, "v3", H8.plusSeconds(60), List.of("CN", "KP", "RU"),
                List.of("cn-kp", "ru-cn", "ru-kp", "triangle")), H8.plusSeconds(240));

        assertThat(count("RU", H8)).isEqualTo(1);
        assertThat(count("KP", H8)).isEqualTo(1);
        assertThat(count("ru-kp", H8)).isEqualTo(1);
        assertThat(count("CN", H8)).isEqualTo(1);
        assertThat(count("triangle", H8)).isEqualTo(1);
    }

    @Test
    void aLateArticleCountsWithinTheGraceAndIsDroppedBeyondIt() {
        Instant h18 = H8.plus(Duration.ofHours(10));
        pipe(taggedArticle("https://news.example/now", "now", h18.plusSeconds(60), List.of("RU"), List.of()),
                h18.plusSeconds(60));
        // the 16:00 hour closes at 17:00 + 2 h grace = 19:00: stream time 18:01 is within it
        Instant h16 = H8.plus(Duration.ofHours(8));
        pipe(taggedArticle("https://news.example/late", "late", h16.plusSeconds(60), List.of("RU"), List.of()),
                h18.plusSeconds(120));
        // the 08:00 hour closed at 11:00
        pipe(taggedArticle("https://news.example/too-late", "too late", H8.plusSeconds(60), List.of("RU"),
                List.of()), h18.plusSeconds(180));

        assertThat(count("RU", h18)).isEqualTo(1);
        assertThat(count("RU", h16)).isEqualTo(1);
        assertThat(count("RU", H8)).isZero();
    }

    @Test
    void aPublicationDateAfterArrivalCountsAtArrivalSoItCannotPushStreamTimeAhead() {
        pipe(taggedArticle("https://news.example/future", "future", Instant.parse("2031-01-01T00:00:00Z"),
                List.of("KP"), List.of()), H8.plusSeconds(60));
        pipe(taggedArticle("https://news.example/next", "next", H8.plusSeconds(120), List.of("KP"), List.of()),
                H8.plusSeconds(180));

        assertThat(count("KP", H8)).isEqualTo(2);
    }

    @Test
    void anArticleWithoutPublicationDateCountsAtItsRecordTime() {
        Article a = Article.of("https://news.example/undated", "test-source", "Headline", null, null, H8, "en", "x");
        pipe(new TaggedArticle(TaggedArticle.SCHEMA_VERSION, a, List.of("CN"), List.of(), List.of(), List.of(),
                "test", H8), H8.plus(Duration.ofHours(2)));

        assertThat(count("CN", H8.plus(Duration.ofHours(2)))).isEqualTo(1);
    }

    @Test
    void anUnreadableTrendKeysRecordIsSkipped() {
        driver.createInputTopic(Topics.TREND_KEYS.name(), new ByteArraySerializer(), new ByteArraySerializer())
                .pipeInput("k".getBytes(StandardCharsets.UTF_8), "{not json".getBytes(StandardCharsets.UTF_8), H8);
        pipe(taggedArticle("https://news.example/ok", "ok", H8.plusSeconds(60), List.of("RU"), List.of()),
                H8.plusSeconds(60));

        assertThat(count("RU", H8)).isEqualTo(1);
    }

    @Test
    void articlesTaggedByTheTopologyAreCounted() {
        Article a = Article.of("https://news.example/arms", "test-source", "Arms", null, H8.plusSeconds(900),
                H8.plusSeconds(5000), "en", "Moscow denied shipping artillery shells to Pyongyang.");
        articles.pipeInput(a.id(), a, H8.plusSeconds(5000));

        assertThat(count("RU", H8)).isEqualTo(1);
        assertThat(count("KP", H8)).isEqualTo(1);
        assertThat(count("ru-kp", H8)).isEqualTo(1);
    }

    @Test
    void countedArticlesAreForgottenOnceARepeatCouldNoLongerCount() {
        pipe(taggedArticle("https://news.example/old", "old", H8.plusSeconds(60), List.of("RU"), List.of()),
                H8.plusSeconds(60));
        KeyValueStore<String, Long> counted = driver.getKeyValueStore(TrendCounts.COUNTED_STORE);
        assertThat(keys(counted)).hasSize(1);

        Instant later = H8.plus(TrendCounts.forgetAfter(GRACE)).plus(Duration.ofHours(2));
        pipe(taggedArticle("https://news.example/new", "new", later, List.of("KP"), List.of()), later);

        String newId = taggedArticle("https://news.example/new", "new", later, List.of(), List.of()).article().id();
        assertThat(keys(counted)).containsExactly(newId + "\0KP");
    }

    private static List<String> keys(KeyValueStore<String, Long> store) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    @Test
    void aQueryListsEveryHourOfTheRangeWithZerosWhereNothingWasCounted() {
        pipe(taggedArticle("https://news.example/a", "a", H8.plusSeconds(60), List.of("RU"), List.of("ru-kp")),
                H8.plusSeconds(60));
        pipe(taggedArticle("https://news.example/b", "b", H8.plus(Duration.ofHours(2)).plusSeconds(60),
                List.of("RU"), List.of("ru-kp")), H8.plus(Duration.ofHours(2)).plusSeconds(60));

        Counts result = TrendCountsQuery.read(counts, "ru-kp", H8.plusSeconds(1800),
                H8.plus(Duration.ofHours(3)).plusSeconds(1));
        assertThat(result.from()).isEqualTo(H8);
        assertThat(result.to()).isEqualTo(H8.plus(Duration.ofHours(4)));
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.hours()).extracting(HourlyCount::count).containsExactly(1L, 0L, 1L, 0L);
        assertThat(result.hours().get(1).start()).isEqualTo(H8.plus(Duration.ofHours(1)));
        assertThat(result.hours().get(1).end()).isEqualTo(H8.plus(Duration.ofHours(2)));
        assertThat(TrendCountsQuery.read(counts, "ru-kp", H8, H8.plus(Duration.ofHours(2))).hours())
                .as("'to' on an hour boundary excludes that hour").extracting(HourlyCount::count)
                .containsExactly(1L, 0L);
    }

    @Test
    void aQueryRefusesABlankKeyAnEmptyRangeAndATooLongOne() {
        assertThatThrownBy(() -> TrendCountsQuery.read(counts, " ", H8, H8.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tag");
        assertThatThrownBy(() -> TrendCountsQuery.read(counts, "RU", H8, H8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> TrendCountsQuery.read(counts, "RU", H8, H8.plus(Duration.ofDays(32))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
        assertThat(TrendCountsQuery.read(counts, "RU", H8, H8.plus(Duration.ofDays(31))).hours())
                .hasSize(TrendCountsQuery.MAX_HOURS);
    }
}
