package io.newswatch.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import io.newswatch.tagger.TagResult;
import io.newswatch.tagger.Tagger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaggedArticleSerializerTest {
    private static final String TOPIC = Topics.TAGGED.name();

    @Test
    void aSplicedArticleReadsBackAsTheSameTaggedArticleAsAWholeOne() {
        Article article = Article.of("https://quay.example/news/1", "quay", "Tanker \"Unity\" leaves, quietly",
                "By A. Writer", Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:05:00Z"), "en",
                "Moscow and Pyongyang signed a treaty. A line with a quote \" and a backslash \\ and ünïcødé.");
        TagResult r = Tagger.withDefaultRules().tag(article.text());
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, r.entities(), r.tags(),
                r.mentions(), r.evidence(), "v1", Instant.parse("2025-03-01T10:06:00Z"),
                java.util.List.of(EventLedgerTopologyTest.munitions("KP", "RU", 1000L, "asserted",
                        java.util.List.of("Najin"), java.util.List.of(), "the White House")));
        byte[] articleJson = Topics.ARTICLES.valueSerde().serializer().serialize(Topics.ARTICLES.name(), article);

        TaggedArticleSerializer serializer = new TaggedArticleSerializer();
        byte[] spliced = serializer.serialize(TOPIC, new TaggedArticleSerializer.Spliced(articleJson, tagged));
        byte[] whole = serializer.serialize(TOPIC, tagged);

        TaggedArticle fromSpliced = Topics.TAGGED.valueSerde().deserializer().deserialize(TOPIC, spliced);
        assertThat(fromSpliced).isEqualTo(tagged);
        assertThat(Topics.TAGGED.valueSerde().deserializer().deserialize(TOPIC, whole)).isEqualTo(tagged);
        assertThat(r.tags()).as("the fixture is a tagged one").isNotEmpty();
    }

    @Test
    void theArticleKeepsFieldsTheIngesterWroteThatThisVersionDoesNotKnow() {
        Article article = Article.of("https://quay.example/news/2", "quay", "T", null, null, Instant.EPOCH, "en",
                "Text.");
        String json = new String(Topics.ARTICLES.valueSerde().serializer().serialize("t", article),
                java.nio.charset.StandardCharsets.UTF_8);
        byte[] withExtra = json.replaceFirst("\\{", "{\"futureField\":42,")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article, null, null, null, null, "v",
                Instant.EPOCH);
        byte[] out = new TaggedArticleSerializer().serialize(TOPIC, new TaggedArticleSerializer.Spliced(withExtra,
                tagged));
        assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).contains("\"futureField\":42");
        assertThat(Topics.TAGGED.valueSerde().deserializer().deserialize(TOPIC, out)).isEqualTo(tagged);
    }
}
