package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.Evidence;
import io.newswatch.model.Mention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultBoundsTest {

    @ParameterizedTest(name = "{0} tags x {1} sentences of {2} characters -> {3} kept, {4} at most a tag")
    @CsvSource(textBlock = """
            # tags, sentences a tag, characters, kept in all, most kept of one tag, longest kept text
            1,      1,               80,         1,           1,                   80
            1,      10,              80,         10,          10,                  80
            1,      11,              80,         10,          10,                  80
            3,      30,              80,         30,          10,                  80
            5,      10,              80,         50,          10,                  80
            6,      10,              80,         50,          9,                   80
            12,     1,               80,         12,          1,                   80
            60,     1,               80,         50,          1,                   80
            1,      1,               1000,       1,           1,                   1000
            1,      1,               888000,     1,           1,                   1000
            """)
    void capsEvidencePerTagInAllAndInLength(int tags, int perTag, int chars, int keptInAll, int mostOfOneTag,
                                            int longest) {
        List<Evidence> evidence = new ArrayList<>();
        for (int t = 0; t < tags; t++) {
            for (int i = 0; i < perTag; i++) {
                evidence.add(new Evidence(String.format("tag-%02d", t), "x".repeat(chars), i * chars,
                        (i + 1) * chars, List.of("x")));
            }
        }
        TagResult bounded = ResultBounds.bound(new TagResult(List.of(), List.of(), List.of(), List.of(), evidence));

        assertThat(bounded.evidence()).hasSize(keptInAll);
        Map<String, Long> kept = bounded.evidence().stream()
                .collect(Collectors.groupingBy(Evidence::tag, Collectors.counting()));
        assertThat(kept.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(mostOfOneTag);
        assertThat(bounded.evidence().stream().mapToInt(e -> e.text().length()).max().orElseThrow())
                .isEqualTo(longest);
        // the first of each tag are kept, and offsets still point at the text kept
        assertThat(bounded.evidence()).allSatisfy(e -> assertThat(e.end() - e.start()).isEqualTo(e.text().length()));
        assertThat(bounded.evidence().get(0).start()).isZero();
    }

    @Test
    void keepsTheDecisiveEvidenceOfATagBeforeItsContextAndKeepsRolesAndEvents() {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            // context sentences come early in the text, the three decisive ones late, the longest cut
            boolean decisive = i >= 11;
            String text = (decisive ? "d" : "c").repeat(decisive && i == 13 ? 5000 : 10);
            evidence.add(new Evidence("sanctions-violation", decisive ? Evidence.DECISIVE : Evidence.CONTEXT, text,
                    i * 10_000, i * 10_000 + text.length(), List.of("x")));
        }
        var event = new io.newswatch.model.ViolationEvent("munitions", "KP", "RU", 1000L, "container", List.of(),
                List.of(), List.of(), List.of(), io.newswatch.model.ViolationEvent.ASSERTED, null, null);
        TagResult bounded = ResultBounds.bound(new TagResult(List.of(), List.of("sanctions-violation"), List.of(),
                List.of(), evidence, List.of(event)));

        assertThat(bounded.evidence()).hasSize(ResultBounds.MAX_EVIDENCE_PER_TAG);
        assertThat(bounded.evidence().subList(0, 3)).allMatch(Evidence::isDecisive)
                .extracting(Evidence::start).containsExactly(110_000, 120_000, 130_000);
        assertThat(bounded.evidence().subList(3, 10)).noneMatch(Evidence::isDecisive);
        assertThat(bounded.evidence().get(2).text()).hasSize(ResultBounds.MAX_EVIDENCE_CHARS);
        assertThat(bounded.events()).containsExactly(event);
    }

    @ParameterizedTest(name = "{0} entities x {1} mentions -> {2} kept")
    @CsvSource(textBlock = """
            # entities, mentions each, kept
            1,          1,             1
            1,          50,            50
            1,          51,            50
            2,          80,            100
            10,         50,            500
            11,         50,            500
            20,         1000,          500
            """)
    void capsMentionsPerEntityAndInAll(int entities, int each, int kept) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            for (int e = 0; e < entities; e++) {
                mentions.add(new Mention("E" + e, "e" + e, i, i + 1, i, 0));
            }
        }
        TagResult bounded = ResultBounds.bound(new TagResult(List.of(), List.of(), List.of(), mentions, List.of()));
        assertThat(bounded.mentions()).hasSize(kept);
        assertThat(bounded.mentions().stream().collect(Collectors.groupingBy(Mention::entity, Collectors.counting()))
                .values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(ResultBounds.MAX_MENTIONS_PER_ENTITY));
    }

    @Test
    void leavesAResultWithinTheBoundsAsItIs() {
        TagResult small = new TagResult(List.of("KP"), List.of("t"), List.of("t"),
                List.of(new Mention("KP", "Pyongyang", 0, 9, 0, 0)),
                List.of(new Evidence("t", "Pyongyang said so.", 0, 18, List.of("Pyongyang"))));
        assertThat(ResultBounds.bound(small)).isSameAs(small);
    }

    @Test
    void capsTheMatchedWordsOfOneSentence() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            words.add("w" + i);
        }
        TagResult many = new TagResult(List.of(), List.of("t"), List.of("t"), List.of(),
                List.of(new Evidence("t", "text", 0, 4, words)));
        assertThat(ResultBounds.bound(many).evidence().get(0).matched()).hasSize(ResultBounds.MAX_MATCHED)
                .startsWith("w0", "w1");
    }
}
