package io.newswatch.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The folding table the scanner reads one UTF-16 unit at a time. */
class CharClassesTest {

    private static String kindName(int kind) {
        if (kind == 0) {
            return "OTHER";
        }
        StringBuilder sb = new StringBuilder();
        String[] names = {"WORD", "SPACE", "IGNORABLE", "IDEOGRAPH", "HANGUL", "APOSTROPHE"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((kind & (1 << bit)) != 0) {
                sb.append(sb.length() == 0 ? "" : "+").append(names[bit]);
            }
        }
        return sb.toString();
    }

    /**
     * A unit (hex), what it folds to (hex; 0000 for an ignorable unit) and its kind. Full-width and compatibility
     * forms become plain letters, case folds, ё is е, every dash and space is one space, apostrophe-like marks are
     * ', combining marks, the soft hyphen and zero-width characters are skipped.
     */
    @ParameterizedTest(name = "[{index}] U+{0} -> U+{1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0041 | 0061 | WORD
            0061 | 0061 | WORD
            FF24 | 0064 | WORD
            FF44 | 0064 | WORD
            FF11 | 0031 | WORD
            00B2 | 0032 | WORD
            0130 | 0069 | WORD
            017F | 0073 | WORD
            03A3 | 03C3 | WORD
            03C2 | 03C3 | WORD
            0451 | 0435 | WORD
            0401 | 0435 | WORD
            0435 | 0435 | WORD
            041A | 043A | WORD
            0407 | 0457 | WORD
            FB01 | FB01 | WORD
            0020 | 0020 | SPACE
            0009 | 0020 | SPACE
            000A | 0020 | SPACE
            000D | 0020 | SPACE
            00A0 | 0020 | SPACE
            2007 | 0020 | SPACE
            202F | 0020 | SPACE
            3000 | 0020 | SPACE
            2028 | 0020 | SPACE
            002D | 0020 | SPACE
            2010 | 0020 | SPACE
            2011 | 0020 | SPACE
            2013 | 0020 | SPACE
            2014 | 0020 | SPACE
            2212 | 0020 | SPACE
            FF0D | 0020 | SPACE
            FE63 | 0020 | SPACE
            00AD | 0000 | IGNORABLE
            200B | 0000 | IGNORABLE
            200D | 0000 | IGNORABLE
            2060 | 0000 | IGNORABLE
            FEFF | 0000 | IGNORABLE
            0301 | 0000 | IGNORABLE
            0308 | 0000 | IGNORABLE
            20DD | 0000 | IGNORABLE
            0027 | 0027 | APOSTROPHE
            2019 | 0027 | APOSTROPHE
            2018 | 0027 | APOSTROPHE
            02BC | 0027 | APOSTROPHE
            0060 | 0027 | APOSTROPHE
            00B4 | 0027 | APOSTROPHE
            FF07 | 0027 | APOSTROPHE
            002E | 002E | OTHER
            005F | 005F | OTHER
            0021 | 0021 | OTHER
            D800 | D800 | OTHER
            DFFF | DFFF | OTHER
            4E2D | 4E2D | WORD+IDEOGRAPH
            9BAE | 9C9C | WORD+IDEOGRAPH
            9C9C | 9C9C | WORD+IDEOGRAPH
            3042 | 3042 | WORD+IDEOGRAPH
            30AB | 30AB | WORD+IDEOGRAPH
            FF76 | 30AB | WORD+IDEOGRAPH
            AC00 | AC00 | WORD+HANGUL
            BD81 | BD81 | WORD+HANGUL
            1100 | 1100 | WORD+HANGUL
            """)
    void foldsAndClassifiesEveryUnit(String unit, String folded, String kind) {
        char c = (char) Integer.parseInt(unit, 16);
        assertThat(Integer.toHexString(CharClasses.fold(c)))
                .isEqualTo(Integer.toHexString(Integer.parseInt(folded, 16)));
        assertThat(kindName(CharClasses.kind(c))).isEqualTo(kind);
    }

    @Test
    void onlyLettersAndDigitsOutsideIdeographsJoinAWord() {
        assertThat(CharClasses.joinsWord('a')).isTrue();
        assertThat(CharClasses.joinsWord('7')).isTrue();
        assertThat(CharClasses.joinsWord('ж')).isTrue();
        assertThat(CharClasses.joinsWord('한')).isTrue();
        assertThat(CharClasses.joinsWord('中')).isFalse();
        assertThat(CharClasses.joinsWord('\'')).isFalse();
        assertThat(CharClasses.joinsWord('-')).isFalse();
        assertThat(CharClasses.joinsWord('\u00AD')).isFalse();
    }

    /** A pattern as written and as the scanner sees it (backslash-uXXXX stands for that unit). */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Kim Jong-Un                        | kim jong un
            `  KIM \\u2014  JONG\\u00A0UN  `   | kim jong un
            Pyong\\u00ADyang                   | pyongyang
            Russia’s                           | russia's
            Ёлка                               | елка
            ＤＰＲＫ                             | dprk
            D.P.R.K.                           | d.p.r.k.
            ship-to-ship                       | ship to ship
            Северн\\u0301ой Кореи             | северной кореи
            中俄                                | 中俄
            `-- x --`                          | x
            """)
    void foldsAPatternTheWayTheScannerFoldsText(String pattern, String folded) {
        String p = pattern;
        for (int i = p.indexOf("\\u"); i >= 0; i = p.indexOf("\\u")) {
            p = p.substring(0, i) + (char) Integer.parseInt(p.substring(i + 2, i + 6), 16) + p.substring(i + 6);
        }
        assertThat(CharClasses.foldPattern(p)).isEqualTo(folded);
    }

    @Test
    void foldingIsStableForEveryLetterAndDigit() {
        StringBuilder unstable = new StringBuilder();
        for (int c = 0; c < 65_536; c++) {
            char f = CharClasses.fold((char) c);
            if ((CharClasses.kind((char) c) & CharClasses.WORD) != 0
                    && (CharClasses.fold(f) != f || CharClasses.kind(f) != CharClasses.kind((char) c))) {
                unstable.append(String.format("U+%04X ", c));
            }
        }
        assertThat(unstable.toString()).as("letters whose folded form folds again").isEmpty();
    }
}
