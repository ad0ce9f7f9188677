package io.newswatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Article;
import io.newswatch.model.serde.JsonSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The publisher reads only an article record's content hash, on every record of the topic. */
class ContentHashOfTest {
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    @Test
    void readsTheHashOfARecordAsTheTopicHoldsItAndIsNotFooledByTheText() throws Exception {
        // a hostile page may put anything in its text, a field of the same name included
        Article article = Article.of("https://quay-gazette.example/world/pilot-boats", "quay", "Pilot boats",
                null, Instant.parse("2024-05-02T07:00:00Z"), Instant.parse("2024-05-02T07:05:00Z"), "en",
                "{\"contentHash\":\"forged\"} \"contentHash\": \"forged\" and two new pilot boats for the river.");
        byte[] record = serde.serialize("t", article);

        assertThat(ArticlePublisher.contentHashOf(record)).isEqualTo(article.contentHash())
                .isEqualTo(serde.deserialize("t", record).contentHash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                      | <html>",
        "an array                      | [\"contentHash\", \"abc\"]",
        "no hash                       | {\"id\": \"a\", \"text\": \"contentHash\"}",
        "a hash that is not a string   | {\"id\": \"a\", \"contentHash\": 12}",
        "cut short before the hash     | {\"id\": \"a\", \"text\": \"unfinished",
    })
    void refusesARecordWithoutAReadableHash(String what, String json) {
        assertThatThrownBy(() -> ArticlePublisher.contentHashOf(json.getBytes(StandardCharsets.UTF_8)))
                .as(what).isInstanceOf(IOException.class);
    }
}
