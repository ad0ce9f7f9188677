package io.newswatch.model.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.model.Alert;
import io.newswatch.model.Article;
import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import io.newswatch.model.ViolationEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoryCandidateSerdeTest {
    private static final Instant PUBLISHED = Instant.parse("2026-03-01T08:15:30.123456789Z");
    private static final ViolationEvent EVENT = new ViolationEvent("petroleum", "RU", "KP", 1_000_000L, "barrels",
            List.of("Nakhodka"), List.of("Sky Ace"), List.of("9123456"), List.of("UNSCR 2397"),
            ViolationEvent.ASSERTED, "officials", new ViolationEvent.Span("shipped oil", 10, 21));
    private static final Evidence EVIDENCE = new Evidence("ru-kp", Evidence.DECISIVE, "Moscow shipped oil", 0, 18,
            List.of("Moscow", "oil"));

    /**
     * One candidate per row, built from its columns: the article's text, title and byline (empty for null), whether
     * its dates, fingerprint, cut length, tags, evidence, events and alert are there.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "as the tagging step writes it | ''               | Headline | ''     | true  | true  | false | RU KP ru-kp | false | false | false",
            "with an alert and events      | ''               | Headline | Staff  | true  | true  | false | RU KP ru-kp | false | true  | true",
            "written before fingerprints   | Moscow and text  | Headline | ''     | true  | false | false | ''          | false | false | false",
            "cut text, no dates            | cut             | ''       | ''     | false | true  | true  | RU          | true  | true  | true",
            "non-ASCII everywhere          | Пхеньян 北京 ✓    | Заголовок | Σ     | true  | true  | false | CN triangle | true  | false | true",
    })
    void roundTrips(String row, String text, String title, String byline, boolean dates, boolean fingerprint,
                    boolean cut, String tags, boolean evidence, boolean events, boolean alert) {
        StoryCandidate candidate = candidate(text, title, byline, dates, fingerprint, cut, tags, evidence, events,
                alert);

        byte[] bytes = StoryCandidateSerde.write(candidate);

        assertThat(bytes[0]).isEqualTo(StoryCandidateSerde.VERSION);
        assertThat(StoryCandidateSerde.read(bytes)).as(row).isEqualTo(candidate);
    }

    @Test
    void isSmallerThanTheJsonForTheUsualCandidate() {
        StoryCandidate usual = candidate("", "A headline of ordinary length", "", true, true, false, "RU KP ru-kp",
                false, false, false);

        assertThat(StoryCandidateSerde.write(usual).length)
                .isLessThan(JsonSerde.of(StoryCandidate.class).serialize("t", usual).length / 2);
    }

    @Test
    void readsACandidateWrittenAsJsonBeforeTheBinaryForm() {
        StoryCandidate old = candidate("Moscow and text", "Headline", "", true, false, false, "RU", false, true,
                true);

        assertThat(StoryCandidateSerde.read(JsonSerde.of(StoryCandidate.class).serialize("t", old))).isEqualTo(old);
    }

    /** Each row changes the good record's bytes: cut at a length (negative counts from the end) or one byte set. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "empty                       | cut | 0   |     | not a story candidate record",
            "only the version            | cut | 1   |     | not a story candidate record",
            "unknown version             | set | 0   | 02  | unknown story candidate format version 2",
            "version zero                | set | 0   | 00  | unknown story candidate format version 0",
            "fingerprint flag not 0 or 1 | set | 5   | 07  | a flag byte of 7",
            "cut in the article          | cut | 40  |     | a string of 32 bytes",
            "cut in the alert's JSON     | cut | -3  |     | a JSON list of",
            "string length beyond end    | set | 22  | 7f  | a string of",
            "trailing byte               | add | 1   | 00  | 1 bytes after the story candidate",
            "JSON that is not a record   | raw | 0   | 7b2278 | ",
    })
    void refusesABrokenRecordOrAnUnknownVersion(String row, String how, int at, String hex, String message) {
        byte[] good = StoryCandidateSerde.write(candidate("", "Headline", "", true, true, false, "RU", false, true,
                true));
        byte[] bad = switch (how) {
            case "cut" -> Arrays.copyOf(good, at >= 0 ? at : good.length + at);
            case "set" -> {
                byte[] b = good.clone();
                b[at] = HexFormat.of().parseHex(hex)[0];
                yield b;
            }
            case "add" -> Arrays.copyOf(good, good.length + at);
            default -> HexFormat.of().parseHex(hex);
        };

        assertThatThrownBy(() -> StoryCandidateSerde.read(bad)).as(row)
                .isInstanceOf(SerializationException.class).hasMessageContaining(message == null ? "" : message);
    }

    @Test
    void theSerdeMapsNullToNull() {
        try (StoryCandidateSerde serde = new StoryCandidateSerde()) {
            assertThat(serde.serializer().serialize("t", null)).isNull();
            assertThat(serde.deserializer().deserialize("t", null)).isNull();
        }
    }

    private static StoryCandidate candidate(String text, String title, String byline, boolean dates,
                                            boolean fingerprint, boolean cut, String tags, boolean evidence,
                                            boolean events, boolean alert) {
        Instant at = dates ? PUBLISHED : null;
        Article article = new Article(Article.SCHEMA_VERSION, "a1b2", "https://news.example/a?x=1&y=\"2\"",
                "example", title, byline.isEmpty() ? null : byline, at, dates ? PUBLISHED.plusSeconds(60) : null,
                "en", text, "hash", cut ? 120_000 : null);
        List<String> keys = tags.isEmpty() ? List.of() : List.of(tags.split(" "));
        List<ViolationEvent> eventList = events ? List.of(EVENT) : List.of();
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article,
                keys.stream().filter(k -> k.equals(k.toUpperCase())).toList(),
                keys.stream().filter(k -> !k.equals(k.toUpperCase())).toList(),
                evidence ? List.of(new Mention("RU", "Moscow", 0, 6, 0, 0)) : List.of(),
                evidence ? List.of(EVIDENCE) : List.of(), "rules-1", dates ? PUBLISHED.plusSeconds(61) : null,
                eventList);
        List<Alert> alerts = alert ? List.of(new Alert(Alert.SCHEMA_VERSION, "alert-1", "ru-kp", "Russia and North "
                + "Korea", "v3", "high", article.id(), article.id(), title, article.url(), "example", at,
                tagged.entities(), tagged.tags(), List.of(EVIDENCE), PUBLISHED, 0, List.of(), "en", eventList))
                : List.of();
        return new StoryCandidate(StoryCandidate.SCHEMA_VERSION, tagged, alerts,
                fingerprint ? 0x8000_0000_0000_0001L : null);
    }
}
