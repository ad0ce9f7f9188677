package io.newswatch.tagger.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {
    private static final Words.Literals WORDS = new Words.Literals("produc", "для", "用");
    /** A pattern every match of which holds one of {@link #WORDS}, folded as {@link Words#anyFolded} folds. */
    private static final Pattern NEEDS_WORD = Pattern.compile("(?iu)produc|для|用");

    /** The filter agrees with the case-insensitive pattern it stands before, in every case and script. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "parts for producing drones|0|26|true",
        "PRODUCTION of missiles|0|22|true",
        "ProDuC|0|6|true",
        "components for the factory|0|26|false",
        "products|1|8|false",
        "the product|0|9|false",
        "двигатели ДЛЯ ракет|0|19|true",
        "двигатели Для ракет|0|19|true",
        "двигатели до ракет|0|18|false",
        "这些产品被用于制造导弹|0|11|true",
        "这些产品被用于制造导弹|6|11|false",
    })
    void findsAWordInAnyCase(String text, int from, int to, boolean expected) {
        assertThat(Words.anyFolded(text, from, to, WORDS)).isEqualTo(expected);
        assertThat(NEEDS_WORD.matcher(text).region(from, to).find()).isEqualTo(expected);
    }

    /** Letters outside ASCII that fold to an ASCII letter: the filter lets through what the pattern matches. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ſ|s",
        "ı|i",
        "\u212a|k",
    })
    void foldsAsThePatternFolds(String letter, String ascii) {
        Words.Literals words = new Words.Literals("a" + ascii + "b");
        String text = "xa" + letter + "by";
        boolean matches = Pattern.compile("(?iu)a" + ascii + "b").matcher(text).find();
        assertThat(matches).isTrue();
        assertThat(Words.anyFolded(text, 0, text.length(), words)).isTrue();
    }

    private static final Pattern ENDING = Pattern.compile("(?iu)(?:an|ish|ий)$");

    /** The filter on the last letter lets through every text the end-anchored pattern finds its ending in. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "North Korean|true|true",
        "KOREAN|true|true",
        "Russia|false|false",
        "Turkish|true|true",
        "Russ|false|false",
        "российский|true|true",
        "РОССИЙСКИЙ|true|true",
        "Росія|false|false",
        // letters it may end on, and no ending
        "the chin|true|false",
        "sobaki|false|false",
    })
    void filtersOnTheLastLetter(String text, boolean mayEnd, boolean matches) {
        assertThat(Words.mayEndIn(text, 0, text.length(), "nhй")).isEqualTo(mayEnd);
        assertThat(ENDING.matcher(text).find()).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Korean",
        "Korean\\n",
    })
    void letsAFinalLineBreakThrough(String written) {
        String text = written.replace("\\n", "\n");
        assertThat(Words.mayEndIn(text, 0, text.length(), "n")).isTrue();
        assertThat(ENDING.matcher(text).find()).isTrue();
    }
}
