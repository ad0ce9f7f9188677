package io.newswatch.streams.topology;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** What trend counts read from a news.tagged record, and where they stop reading. */
class TrendCountsReaderTest {
    private static final String TOPIC = Topics.TAGGED.name();
    private static final Article ARTICLE = Article.of("https://quay.example/news/7", "quay", "Talks in Moscow", null,
            Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"), "en",
            "Russian and North Korean officials met in Moscow on Tuesday. \"Quoted\" text follows.");

    private static TaggedArticle tagged() {
        TagResult r = Tagger.withDefaultRules().tag(ARTICLE.text());
        return new TaggedArticle(TaggedArticle.SCHEMA_VERSION, ARTICLE, r.entities(), r.tags(), r.mentions(),
                r.evidence(), "v1", Instant.parse("2025-03-01T10:06:00Z"));
    }

    private static void assertCountingFields(TaggedArticle read, TaggedArticle expected) {
        assertThat(read.article().id()).isEqualTo(expected.article().id());
        assertThat(read.article().url()).isEqualTo(expected.article().url());
        assertThat(read.article().publishedAt()).isEqualTo(expected.article().publishedAt());
        assertThat(read.entities()).isEqualTo(expected.entities());
        assertThat(read.tags()).isEqualTo(expected.tags());
        assertThat(read.article().text()).as("the text is never built").isEmpty();
    }

    @Test
    void aSplicedRecordAndAWholeOneGiveTheSameCountingFields() {
        TaggedArticle t = tagged();
        assertThat(t.entities()).as("the fixture mentions countries").containsExactlyInAnyOrder("KP", "RU");
        byte[] articleJson = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), ARTICLE);
        TaggedArticleSerializer serializer = new TaggedArticleSerializer();

        assertCountingFields(TrendCounts.readForCounting(TOPIC,
                serializer.serialize(TOPIC, new TaggedArticleSerializer.Spliced(articleJson, t))), t);
        assertCountingFields(TrendCounts.readForCounting(TOPIC, serializer.serialize(TOPIC, t)), t);
    }

    @Test
    void withTheTagsFirstReadingStopsAtThePublicationTimeBeforeTheText() {
        String head = "{\"entities\":[\"RU\"],\"tags\":[\"ru-kp\"],\"article\":{\"id\":\"a1\",\"url\":\"https://x.example/1\","
                + "\"publishedAt\":\"2025-03-01T10:00:00Z\",\"text\":";
        byte[] cutOff = (head + "\"an unterminated te").getBytes(UTF_8);

        TaggedArticle read = TrendCounts.readForCounting(TOPIC, cutOff);

        assertThat(read.article().id()).isEqualTo("a1");
        assertThat(read.article().publishedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(read.entities()).containsExactly("RU");
        assertThat(read.tags()).containsExactly("ru-kp");
        // the same bytes with the article first must be read to the end, and fail there
        byte[] articleFirst = ("{\"article\":{\"id\":\"a1\",\"url\":\"u\",\"publishedAt\":null,\"text\":\"unterminated")
                .getBytes(UTF_8);
        assertThatThrownBy(() -> TrendCounts.readForCounting(TOPIC, articleFirst))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
    }

    @Test
    void aNumericPublicationTimeIsReadAsTheArticleSerdeReadsIt() {
        String json = "{\"tags\":[],\"entities\":[],\"article\":{\"id\":\"a2\",\"url\":\"u\",\"publishedAt\":1740823200.5}}";
        Article viaSerde = Topics.ARTICLES.valueSerde().deserializer().deserialize("t",
                "{\"id\":\"a2\",\"url\":\"u\",\"publishedAt\":1740823200.5}".getBytes(UTF_8));

        TaggedArticle read = TrendCounts.readForCounting(TOPIC, json.getBytes(UTF_8));

        assertThat(read.article().publishedAt()).isEqualTo(viaSerde.publishedAt()).isNotNull();
    }

    @Test
    void recordsThatAreNotTaggedArticlesAreRefusedWithTheTopicNamed() {
        for (String bad : new String[] {"[1,2]", "{\"tags\":[]}", "{\"article\":{\"id\":{\"x\":1},\"url\":\"u\"}}"}) {
            assertThatThrownBy(() -> TrendCounts.readForCounting(TOPIC, bad.getBytes(UTF_8))).as(bad)
                    .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        }
        assertThat(TrendCounts.readForCounting(TOPIC, null)).isNull();
    }
}
