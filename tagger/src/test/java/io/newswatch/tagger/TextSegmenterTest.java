package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSegmenterTest {

    /** Input (a literal backslash-n stands for a line break) and its sentences, separated by " ¶ ". */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The talks ended. Both sides left.                                   | The talks ended. ¶ Both sides left.
            U.S. officials met Russian envoys. They left.                       | U.S. officials met Russian envoys. ¶ They left.
            The U.K. Foreign Office disagreed.                                  | The U.K. Foreign Office disagreed.
            Sanctions were imposed by the U.S. The move angered Moscow.         | Sanctions were imposed by the U.S. ¶ The move angered Moscow.
            The ship docked on Oct. 13 in Vladivostok.                          | The ship docked on Oct. 13 in Vladivostok.
            Gen. Kim met Col. Gen. Ivanov. Talks followed.                      | Gen. Kim met Col. Gen. Ivanov. ¶ Talks followed.
            Mr. Putin and Dr. Lee spoke. Nothing changed.                       | Mr. Putin and Dr. Lee spoke. ¶ Nothing changed.
            Factory No. 2 was hit. Output fell.                                 | Factory No. 2 was hit. ¶ Output fell.
            Some goods, i.e. shells, moved. Others, e.g. Fuel, did not.         | Some goods, i.e. shells, moved. ¶ Others, e.g. Fuel, did not.
            The D.P.R.K. Foreign Ministry replied. It was brief.                | The D.P.R.K. Foreign Ministry replied. ¶ It was brief.
            Trade grew 3.5 percent. Exports rose.                               | Trade grew 3.5 percent. ¶ Exports rose.
            He paused... then went on. Then silence… The end.                   | He paused... then went on. ¶ Then silence… ¶ The end.
            "We deny everything," he said. Nobody believed him.                 | "We deny everything," he said. ¶ Nobody believed him.
            She said: "It is over." Then she left.                              | She said: "It is over." ¶ Then she left.
            "Is it over?" he asked. No answer came!  Why? Nobody knows.         | "Is it over?" he asked. ¶ No answer came! ¶ Why? ¶ Nobody knows.
            俄罗斯与朝鲜签署协议。中国表示关注！是真的吗？                         | 俄罗斯与朝鲜签署协议。 ¶ 中国表示关注！ ¶ 是真的吗？
            Россия и КНДР подписали договор. Китай промолчал.                   | Россия и КНДР подписали договор. ¶ Китай промолчал.
            J. Smith wrote it. Others agreed.                                   | J. Smith wrote it. ¶ Others agreed.
            A ship\\nwas seen near the coast. It left.                          | A ship\\nwas seen near the coast. ¶ It left.
            Стороны, т.е. Россия и КНДР, подписали договор. Китай промолчал.    | Стороны, т.е. Россия и КНДР, подписали договор. ¶ Китай промолчал.
            Он прибыл в г. Москву. Переговоры начались.                         | Он прибыл в г. Москву. ¶ Переговоры начались.
            Officials met on Sept. 5 in Beijing. Talks followed.                | Officials met on Sept. 5 in Beijing. ¶ Talks followed.
            The envoy, Amb. Kim, arrived. He spoke.                             | The envoy, Amb. Kim, arrived. ¶ He spoke.
            The price rose to $3.50. Traders left.                              | The price rose to $3.50. ¶ Traders left.
            (The talks ended.) Both sides left.                                 | (The talks ended.) ¶ Both sides left.
            Wait!!! Nothing happened?! Fine.                                    | Wait!!! ¶ Nothing happened?! ¶ Fine.
            他说：“会谈结束。”随后离开。                                          | 他说：“会谈结束。” ¶ 随后离开。
            """)
    void splitsSentencesAtRealBoundariesOnly(String input, String expected) {
        String text = input.replace("\\n", "\n");
        Segmentation seg = TextSegmenter.segment(text);
        List<String> sentences = seg.sentences().stream().map(s -> s.text(text)).toList();
        List<String> wanted = Arrays.stream(expected.split(" ¶ ")).map(s -> s.replace("\\n", "\n")).toList();
        assertThat(sentences).containsExactlyElementsOf(wanted);
    }

    @Test
    void blankLinesSeparateParagraphsButHardWrappingDoesNot() {
        String text = "  Russia and North Korea\nsigned a pact. It covers arms.\n\n \t\nChina said\nnothing.\r\n\r\nEnd.";
        Segmentation seg = TextSegmenter.segment(text);
        assertThat(seg.paragraphs()).extracting(p -> p.text(text)).containsExactly(
                "Russia and North Korea\nsigned a pact. It covers arms.", "China said\nnothing.", "End.");
        assertThat(seg.sentences()).extracting(s -> s.text(text)).containsExactly(
                "Russia and North Korea\nsigned a pact.", "It covers arms.", "China said\nnothing.", "End.");
        assertThat(seg.sentences()).extracting(Segmentation.Sentence::paragraph).containsExactly(0, 0, 1, 2);
        assertThat(seg.sentences().get(0).start()).isEqualTo(2);
        assertThat(seg.sentenceAt(text.indexOf("arms"))).isEqualTo(1);
        assertThat(seg.paragraphAt(text.indexOf("nothing"))).isEqualTo(1);
    }

    /** A line holding only no-break spaces (what an {@code &nbsp;} paragraph becomes) is a blank line. */
    @Test
    void aLineOfNoBreakSpacesSeparatesParagraphs() {
        String text = "Russia spoke.\n\u00A0\nChina and North Korea met.";
        Segmentation seg = TextSegmenter.segment(text);
        assertThat(seg.paragraphs()).extracting(p -> p.text(text))
                .containsExactly("Russia spoke.", "China and North Korea met.");
        assertThat(Tagger.withDefaultRules().tag(text).tags()).doesNotContain("triangle");
    }

    /** Decimals do not end a sentence, full-width ones included (３．５ is 3.5). */
    @Test
    void aFullWidthDecimalPointDoesNotEndASentence() {
        String text = "中国经济增长３．５％，俄罗斯表示欢迎。";
        assertThat(TextSegmenter.segment(text).sentences()).extracting(s -> s.text(text)).containsExactly(text);
    }

    @Test
    void emptyAndBlankTextsHaveNoParagraphs() {
        assertThat(TextSegmenter.segment("").paragraphs()).isEmpty();
        assertThat(TextSegmenter.segment(" \n\n \n").sentences()).isEmpty();
        assertThat(TextSegmenter.segment("").sentenceAt(0)).isEqualTo(-1);
    }
}
