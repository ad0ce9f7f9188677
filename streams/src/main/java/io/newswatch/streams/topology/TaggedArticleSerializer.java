package io.newswatch.streams.topology;

import io.newswatch.model.TaggedArticle;
import io.newswatch.model.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes {@code news.tagged} values. A {@link Spliced} value reuses the article's JSON exactly as it was read from
 * {@code news.articles} instead of writing its text out again: the tagging step already holds those bytes, and
 * re-serializing a 5 KB text was a tenth of the step's CPU. Any other {@link TaggedArticle} is serialized whole.
 *
 * <p>The result is the same JSON document a reader of {@code news.tagged} always got, with the article's fields as
 * the ingester wrote them (readers ignore fields they do not know). The article comes last, after the tags: a reader
 * that needs only the tags and the article's first fields (trend counts) stops before the text.
 */
final class TaggedArticleSerializer implements Serializer<Object> {
    private static final byte[] NULL_ARTICLE = "\"article\":null".getBytes(StandardCharsets.UTF_8);

    /**
     * A tagged article with its article's original JSON.
     *
     * @param articleJson the {@code news.articles} value the article was read from
     * @param tagged      the tagged article (its {@code article} is not written)
     */
    record Spliced(byte[] articleJson, TaggedArticle tagged) {
    }

    private final Serializer<TaggedArticle> whole = Topics.TAGGED.valueSerde().serializer();

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Spliced spliced)) {
            return whole.serialize(topic, (TaggedArticle) value);
        }
        TaggedArticle t = spliced.tagged();
        byte[] rest = whole.serialize(topic, new TaggedArticle(t.schemaVersion(), null, t.entities(), t.tags(),
                t.mentions(), t.evidence(), t.rulesVersion(), t.taggedAt(), t.events()));
        int at = indexOf(rest, NULL_ARTICLE);
        int close = rest.length - 1;
        if (at < 0 || rest[close] != '}') {
            throw new IllegalStateException("a tagged article serialized without its article field");
        }
        // cut "article":null together with one neighbouring comma, then append the article before the last brace
        int from = at;
        int to = at + NULL_ARTICLE.length;
        if (rest[to] == ',') {
            to++;
        } else if (rest[from - 1] == ',') {
            from--;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + spliced.articleJson().length);
        out.write(rest, 0, from);
        out.write(rest, to, close - to);
        out.writeBytes(",\"article\":".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(spliced.articleJson());
        out.write('}');
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
