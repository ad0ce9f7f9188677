package io.newswatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Article;
import io.newswatch.model.StoryCandidate;
import io.newswatch.model.TaggedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeptArticlesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    /** A candidate whose title names the id it is kept under, so the story order can be read back. */
    private static byte[] candidate(String id) {
        Article article = Article.of("https://kept.example/a", "kept", id, null, T0, T0, "en", "text");
        return KeptArticles.encodeCandidate(new StoryCandidate(StoryCandidate.SCHEMA_VERSION,
                new TaggedArticle(TaggedArticle.SCHEMA_VERSION, article.withoutText(), List.of(), List.of(),
                        List.of(), List.of(), "v1", T0), List.of()));
    }

    private static KeptArticles.EncodedMatch match(String rule, String id, Instant at) {
        return KeptArticles.encodeMatch(new ReplayMatch(rule, rule, id, at, "kept", id, "https://kept.example/a",
                List.of()));
    }

    private static List<String> storyOrder(KeptArticles kept) {
        List<String> ids = new ArrayList<>();
        kept.forEachInEventOrder(c -> ids.add(c.tagged().article().title()), () -> false);
        return ids;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // operations: +id@time puts a version, -id removes; expected: the story order
            "+b@2 +a@1 +c@3                 | a b c",
            "+b@1 +a@1 +c@1                 | a b c",       // ties by id
            "+a@1 +b@2 +a@3                 | b a",         // the latest version wins, at its time
            "+a@1 +b@2 -a                   | b",           // out of range later: gone
            "+a@1 -a +a@5 +b@2              | b a",         // and back again
            "-a +b@1                        | b",           // removing what was never kept changes nothing
            "+\u00e9@1 +z@1 +\uD83D\uDE00@1 | z \u00e9 \uD83D\uDE00"  // ids compare as strings do
    })
    void theStoryPassSeesTheLatestVersionInRangeByEventTimeThenId(String operations, String expected) {
        try (KeptArticles kept = new KeptArticles()) {
            for (String op : operations.trim().split("\\s+")) {
                if (op.startsWith("-")) {
                    kept.remove(op.substring(1));
                } else {
                    String[] idAt = op.substring(1).split("@");
                    kept.put(idAt[0], Long.parseLong(idAt[1]), candidate(idAt[0]), List.of());
                }
            }
            assertThat(storyOrder(kept)).containsExactly(expected.trim().split(" "));
            assertThat(kept.size()).isEqualTo(expected.trim().split(" ").length);
        }
    }

    @Test
    void matchesAreThoseOfTheLatestVersionsInRuleThenTimeThenIdOrder() {
        Instant t1 = T0.plusNanos(1); // instants compare exactly, below the millisecond too
        try (KeptArticles kept = new KeptArticles()) {
            kept.put("b", 1, candidate("b"), List.of(match("rule-z", "b", t1), match("rule-a", "b", t1)));
            kept.put("a", 1, candidate("a"), List.of(match("rule-z", "a", t1)));
            kept.put("c", 1, candidate("c"), List.of(match("rule-z", "c", T0)));
            kept.put("d", 1, candidate("d"), List.of(match("rule-a", "d", T0)));
            kept.put("b", 2, candidate("b"), List.of(match("rule-z", "b", t1))); // rule-a no longer matches b
            kept.remove("d");
            List<ReplayMatch> matches = kept.matches();
            assertThat(matches).extracting(m -> m.ruleId() + ":" + m.articleId())
                    .containsExactly("rule-z:c", "rule-z:a", "rule-z:b");
            assertThat(matches).isSortedAccordingTo(ReplayResult.MATCH_ORDER);
        }
    }

    @Test
    void agreesWithAMapOfRecordsOverRandomVersionsAndRemovalsAtAFewDozenBytesAnArticle() {
        Random random = new Random(7);
        HexFormat hex = HexFormat.of();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            pool.add(hex.formatHex(id)); // the ingester's ids: 32 hexadecimal characters
        }
        Map<String, Long> model = new HashMap<>();
        byte[] record = candidate("same");
        try (KeptArticles kept = new KeptArticles()) {
            for (int op = 0; op < 300_000; op++) {
                String id = pool.get(random.nextInt(pool.size()));
                if (random.nextInt(10) == 0) {
                    kept.remove(id);
                    model.remove(id);
                } else {
                    long time = random.nextInt(1_000);
                    kept.put(id, time, record, List.of());
                    model.put(id, time);
                }
            }
            assertThat(kept.size()).isEqualTo(model.size());
            long perArticle = kept.footprint() / model.size();
            assertThat(perArticle).as("heap bytes per article kept").isLessThan(100);

            List<Long> times = new ArrayList<>();
            kept.forEachInEventOrder(c -> times.add(0L), () -> false);
            assertThat(times).hasSize(model.size());
        }
    }
}
