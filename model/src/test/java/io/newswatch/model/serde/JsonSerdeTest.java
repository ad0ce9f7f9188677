package io.newswatch.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private final JsonSerde<Article> articles = JsonSerde.of(Article.class);

    @Test
    void articleSurvivesARoundTripWithItsTimes() {
        Article a = Article.of("https://example.test/a", "src", "Title", "By Someone",
                Instant.parse("2026-10-13T08:00:00Z"), Instant.parse("2026-10-13T09:00:00Z"), "en", "One.\n\nTwo.");
        Article back = articles.fromBytes(articles.toBytes(a));
        assertThat(back).isEqualTo(a);
        assertThat(articles.toJson(a)).contains("\"publishedAt\":\"2026-10-13T08:00:00Z\"");
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerWritersDoNotBreakReaders() {
        String json = "{\"schemaVersion\":2,\"id\":\"x\",\"url\":\"u\",\"title\":\"t\",\"text\":\"b\",\"futureField\":[1,2]}";
        Article a = articles.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertThat(a.schemaVersion()).isEqualTo(2);
        assertThat(a.id()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"id\":", "[1,2,3]", "null", "{\"id\":\"x\",\"url\":\"u\"} trailing", "{\"url\":\"u\"}"})
    void malformedInputIsRejectedWithTheTypeNamed(String payload) {
        assertThatThrownBy(() -> articles.deserialize("news.articles", payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article")
                .hasMessageContaining("news.articles");
    }

    @Test
    void emptyPayloadIsRejectedButATombstoneIsNull() {
        assertThatThrownBy(() -> articles.deserialize("t", new byte[0])).isInstanceOf(SerializationException.class)
                .hasMessageContaining("empty");
        assertThat(articles.deserialize("t", null)).isNull();
    }

    @Test
    void alertKeepsItsEvidence() {
        JsonSerde<Alert> serde = JsonSerde.of(Alert.class);
        Alert alert = new Alert(1, "id", "ru-kp", "Russia and North Korea", "1", "warning", "story", "article",
                "Title", "https://x.test/", "src", null, List.of("KP", "RU"), List.of("ru-kp"),
                List.of(new Evidence("ru-kp", "Russia met North Korea.", 0, 23, List.of("Russia", "North Korea"))),
                Instant.EPOCH);
        Alert back = serde.fromBytes(serde.toBytes(alert));
        assertThat(back).isEqualTo(alert);
        assertThat(back.firstEvidence()).isEqualTo("Russia met North Korea.");
    }
}
