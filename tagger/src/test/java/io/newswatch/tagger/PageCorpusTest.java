package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the page corpus finds its labelled sentences in a page and decides whether evidence falls on one. */
class PageCorpusTest {
    @ParameterizedTest(name = "{1} in {0}")
    @CsvSource(delimiter = ';', value = {
            // page; sentence; where it stands (start-end, comma between occurrences, empty when absent)
            "Menu\\n\\nShips met at sea. Oil moved.; Ships met at sea.; 6-23",
            "Ships met\\nat sea.; Ships met at sea.; 0-17",
            "Ships met\\u00a0at  sea.; Ships met at sea.; 0-18",
            "Ships met at sea.; \\u0020Ships met at sea.\\n; 0-17",
            "Ships met at sea. Ships met at sea.; Ships met at sea.; 0-17,18-35",
            "Ships (two) met.; Ships (two) met.; 0-16",
            "Ships met at seas.; Ships met at sea; 0-16",
            "Ships met on land.; Ships met at sea.; ''",
            "북한이 러시아에 포탄을 보냈다.; 북한이 러시아에 포탄을 보냈다.; 0-17",
    })
    void findsTheSentenceWhereverWhitespaceDiffers(String page, String sentence, String spans) {
        List<String> found = PageCorpus.occurrences(TestTexts.unescape(page), TestTexts.unescape(sentence)).stream()
                .map(s -> s.start() + "-" + s.end()).toList();
        assertThat(String.join(",", found)).isEqualTo(spans);
    }

    @ParameterizedTest(name = "evidence {0}-{1} on sentence 10-20: {2}")
    @CsvSource({
            "10, 20, true",
            "12, 18, true",
            "0, 30, true",
            "0, 11, true",
            "19, 25, true",
            "0, 10, false",
            "20, 30, false",
    })
    void evidenceIsDecisiveWhenItOverlapsALabelledSentence(int start, int end, boolean decisive) {
        assertThat(new PageCorpus.Span(10, 20).overlaps(start, end)).isEqualTo(decisive);
    }
}
