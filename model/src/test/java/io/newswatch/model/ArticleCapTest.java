package io.newswatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleCapTest {
    private static final Instant AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final JsonSerde<Article> SERDE = JsonSerde.of(Article.class);

    private static Article article(String title, String text) {
        return Article.of("https://news.example/a", "src", title, null, AT, AT, "en", text);
    }

    @ParameterizedTest(name = "{0} characters under a cap of {1}: {2} kept, cut from {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # text, cap,    kept,   cut from
            0,      1000,   0,      -
            999,    1000,   999,    -
            1000,   1000,   1000,   -
            1001,   1000,   1000,   1001
            888000, 200000, 200000, 888000
            """)
    void cutsTheTextToTheCapAndRecordsItsLength(int chars, int cap, int kept, Integer cutFrom) {
        Article whole = article("Title", "a".repeat(chars));
        Article capped = whole.withTextCappedAt(cap);
        assertThat(capped.text()).hasSize(kept);
        assertThat(capped.truncatedFrom()).isEqualTo(cutFrom);
        assertThat(capped.contentHash()).isEqualTo(Ids.contentHash(capped.title(), capped.text()));
        if (cutFrom == null) {
            assertThat(capped).isSameAs(whole);
        }
    }

    @Test
    void neverSplitsASurrogatePairAndKeepsTheFirstLengthWhenCutAgain() {
        String text = "ab" + "\uD83D\uDE00".repeat(10); // 2 + 20 units
        Article once = article("T", text).withTextCappedAt(5); // "ab" + one emoji is 4 units, a half would be the 5th
        assertThat(once.text()).isEqualTo("ab\uD83D\uDE00");
        assertThat(once.truncatedFrom()).isEqualTo(22);
        assertThat(once.withTextCappedAt(3).truncatedFrom()).isEqualTo(22);
    }

    @Test
    void cutsALongTitle() {
        Article a = article("t".repeat(5000), "short text").withTextCappedAt(1000);
        assertThat(a.title()).hasSize(Article.MAX_TITLE_CHARS);
        assertThat(a.text()).isEqualTo("short text");
        assertThat(a.truncatedFrom()).isNull();
    }

    @Test
    void refusesACapBelowOne() {
        assertThatThrownBy(() -> article("T", "x").withTextCappedAt(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxTextChars");
    }

    @Test
    void aWholeArticleIsWrittenAsBeforeAndAnOldRecordReadsAsWhole() {
        Article whole = article("Title", "text");
        String json = new String(SERDE.serialize("t", whole), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("truncatedFrom");
        Article read = SERDE.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertThat(read).isEqualTo(whole);
        assertThat(read.truncatedFrom()).isNull();

        Article cut = article("Title", "x".repeat(2000)).withTextCappedAt(1000);
        String cutJson = new String(SERDE.serialize("t", cut), StandardCharsets.UTF_8);
        assertThat(cutJson).contains("\"truncatedFrom\":2000");
        assertThat(SERDE.deserialize("t", cutJson.getBytes(StandardCharsets.UTF_8))).isEqualTo(cut);
    }
}
