package io.newswatch.tagger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Aho–Corasick scanner on its own: every boundary-respecting occurrence of every pattern, overlaps included,
 * with character spans and word indexes.
 */
class TermAutomatonTest {

    /** The hits of the patterns (as in the table below) in a text, sorted, as {@code pattern@start-end}. */
    private static List<String> hits(String patterns, String text) {
        List<String> folded = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        for (String p : patterns.split(" ")) {
            boolean star = p.endsWith("*");
            folded.add((star ? p.substring(0, p.length() - 1) : p).replace('_', ' '));
            prefix.add(star);
        }
        boolean[] isPrefix = new boolean[prefix.size()];
        for (int i = 0; i < isPrefix.length; i++) {
            isPrefix[i] = prefix.get(i);
        }
        TermAutomaton automaton = new TermAutomaton(folded, isPrefix);
        ScanHits hits = new ScanHits();
        automaton.scan(text, hits);
        List<String> out = new ArrayList<>();
        for (int h = 0; h < hits.size(); h++) {
            out.add(folded.get(hits.pattern(h)).replace(' ', '_') + "@" + hits.start(h) + "-" + hits.end(h));
        }
        out.sort(null);
        return out;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\n", i) || s.startsWith("\\t", i)) {
                out.append(s.charAt(i + 1) == 'n' ? '\n' : '\t');
                i++;
            } else if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * Patterns (space-separated, folded; a trailing * makes a prefix pattern, '_' stands for a space inside a
     * pattern), text (backslash-n, backslash-t and backslash-uXXXX stand for those characters) and every hit.
     */
    @ParameterizedTest(name = "[{index}] {0} in \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            kim_jong_un jong_un un             | kim jong un                  | jong_un@4-11 kim_jong_un@0-11 un@9-11
            kim_jong_un                        | KIM JONG-UN                  | kim_jong_un@0-11
            kim_jong_un                        | Kim\\n\\tJong  \\u2014 Un    | kim_jong_un@0-15
            kim_jong_un                        | Kim Jong\\u00ADUn            | -
            pyongyang                          | Pyong\\u00ADyang!            | pyongyang@0-10
            north_korea korea north_korean     | north korean                 | north_korean@0-12
            north_korea korea north_korean     | north korea's                | korea@6-11 north_korea@0-11
            russia                             | Prussia                      | -
            russia                             | Russia's                     | russia@0-6
            russia                             | (Russia)                     | russia@1-7
            russia                             | Russia-based                 | russia@0-6
            russia                             | Russia1                      | -
            russia                             | 1Russia                      | -
            russia                             | Russia_                      | russia@0-6
            russia                             | ＲＵＳＳＩＡ                    | russia@0-6
            sanction*                          | sanctions sanctioned         | sanction@0-9 sanction@10-20
            sanction*                          | sanction, desanctioned       | sanction@0-8
            sanction*                          | sanctions-busting            | sanction@0-9
            sanction* sanctions                | sanctions                    | sanction@0-9 sanctions@0-9
            price_cap*                         | price caps, price-capped     | price_cap@0-10 price_cap@12-24
            d.p.r.k                            | The D.P.R.K. said            | d.p.r.k@4-11
            朝鲜                                | 北朝鲜人                       | 朝鲜@1-3
            朝鲜 朝鲜族                          | 朝鲜族                         | 朝鲜@0-2 朝鲜族@0-3
            俄罗斯                              | 对俄罗斯制裁                    | 俄罗斯@1-4
            북한                                | 북한은 북한과                   | 북한@0-2 북한@4-6
            russia                             | 俄russia俄                    | russia@1-7
            russia                             | 러시아russia                   | -
            un                                 | UN의 결의 UNX                  | un@0-2
            russia                             | Russia가 russiax              | russia@0-6
            ab abc bcd cd                      | abcd                         | -
            ab abc bcd cd                      | ab abc bcd cd                | ab@0-2 abc@3-6 bcd@7-10 cd@11-13
            s\u0430m_s\u0430m sam              | s\u0430m s\u0430m sam          | sam@8-11 s\u0430m_s\u0430m@0-7
            s\u0430m                            | sam s\u0430m                 | s\u0430m@4-7
            x\u0436y\u0436z                    | x\u0436y\u0436z x\u0436y     | x\u0436y\u0436z@0-5
            russia                             | qrussia q russia             | russia@10-16
            sia russia                         | russia sia                   | russia@0-6 sia@7-10
            t s                                | the t Russia's               | s@13-14 t@4-5
            t t*                               | tea t                        | t@0-3 t@4-5 t@4-5
            t                                  | t\u00ADhe t\u00AD            | t@5-6
            t                                  | t朝 tx                        | t@0-1
            ab_cd b_cd                         | ab cd b cd                   | ab_cd@0-5 b_cd@6-10
            朝鲜 kp                              | x朝鲜 北kp                     | kp@5-7 朝鲜@1-3
            북한 kp                              | 북한kp 러북한                   | 북한@0-2 북한@6-8
            """)
    void findsEveryBoundaryRespectingOccurrence(String patterns, String input, String expected) {
        List<String> want = expected == null ? List.of() : Arrays.stream(expected.split(" ")).sorted().toList();
        assertThat(hits(patterns, unescape(input))).isEqualTo(want);
    }

    @Test
    void duplicatePatternsEachReportTheirHit() {
        assertThat(hits("russia russia", "in Russia")).containsExactly("russia@3-9", "russia@3-9");
    }

    @Test
    void hitsComeInOrderOfTheirLastCharacterWithWordIndexes() {
        TermAutomaton a = new TermAutomaton(List.of("north korea", "korea", "the big"), new boolean[3]);
        ScanHits hits = new ScanHits();
        a.scan("the big north korea-based firm", hits);
        assertThat(hits.size()).isEqualTo(3);
        assertThat(hits.pattern(0)).isEqualTo(2);
        assertThat(new int[] {hits.start(0), hits.end(0), hits.wordStart(0), hits.wordEnd(0)})
                .containsExactly(0, 7, 0, 1);
        Set<String> last = new HashSet<>();
        for (int h = 1; h < 3; h++) {
            last.add(hits.pattern(h) + ":" + hits.start(h) + "-" + hits.end(h) + " w" + hits.wordStart(h) + "-"
                    + hits.wordEnd(h));
        }
        assertThat(last).containsExactlyInAnyOrder("0:8-19 w2-3", "1:14-19 w3-3");
    }

    @Test
    void everyIdeographIsAWordOfItsOwn() {
        TermAutomaton a = new TermAutomaton(List.of("朝鲜"), new boolean[1]);
        ScanHits hits = new ScanHits();
        a.scan("中国 朝鲜", hits);
        assertThat(hits.size()).isEqualTo(1);
        assertThat(new int[] {hits.start(0), hits.wordStart(0), hits.wordEnd(0)}).containsExactly(3, 2, 3);
    }

    @Test
    void aSoftHyphenNextToAPatternIsNoWordBoundary() {
        assertThat(hits("china", "Chi\u00ADna\u00ADtown")).isEmpty();
        assertThat(hits("sino", "ca\u00ADsi\u00ADno")).isEmpty();
    }

    @Test
    void anIgnorableUnitInsideAWordDoesNotShiftWordIndexes() {
        TermAutomaton a = new TermAutomaton(List.of("omega"), new boolean[1]);
        ScanHits hits = new ScanHits();
        a.scan("alpha x y ome\u00ADga", hits);
        assertThat(hits.size()).isEqualTo(1);
        assertThat(new int[] {hits.wordStart(0), hits.wordEnd(0)}).containsExactly(3, 3);
        hits.clear();
        a.scan("ome\u0301ga", hits);
        assertThat(new int[] {hits.wordStart(0), hits.wordEnd(0)}).containsExactly(0, 0);
    }

    @Test
    void anEmptyPatternIsRefused() {
        assertThatThrownBy(() -> new TermAutomaton(List.of("ok", ""), new boolean[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern 1 is empty");
    }

    @Test
    void theAlphabetIsThePatternsCharactersPlusSpaceAndEverythingElse() {
        TermAutomaton a = new TermAutomaton(List.of("ab", "ba b"), new boolean[2]);
        // a, b, space, other characters that continue a word, and the rest
        assertThat(a.alphabetSize()).isEqualTo(5);
        assertThat(a.stateCount()).isPositive();
    }

    /**
     * Many random patterns, planted in random text: below 65,536 states the narrow table holds 16-bit state
     * numbers, above it 32-bit ones; both must find exactly the planted words.
     */
    @ParameterizedTest(name = "[{index}] {0} patterns of {1}-{2} letters, more than {3} states")
    @CsvSource({
            "10000, 3, 10, 10000",
            "12000, 9, 14, 65536",
    })
    void manyRandomPatternsStillFindExactlyThePlantedOnes(int count, int min, int max, int minStates) {
        Random random = new Random(1975);
        Set<String> patterns = new LinkedHashSet<>();
        while (patterns.size() < count) {
            patterns.add(randomWord(random, "abcdefghijklmnopqrstuvwxyzабвгдежз", min, max));
        }
        List<String> list = List.copyOf(patterns);
        boolean[] prefix = new boolean[list.size()];
        TermAutomaton automaton = new TermAutomaton(list, prefix);

        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String filler;
            do {
                filler = randomWord(random, "abcdefghijklmnopqrstuvwxyzабвгдежз", 3, 10);
            } while (patterns.contains(filler));
            text.append(filler).append(i % 3 == 0 ? ", " : " ");
            if (i % 40 == 0) {
                int p = random.nextInt(list.size());
                String word = list.get(p);
                String written = i % 80 == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word;
                expected.add(p + "@" + text.length() + "-" + (text.length() + word.length()));
                text.append(written).append(". ");
            }
        }
        ScanHits hits = new ScanHits();
        automaton.scan(text.toString(), hits);
        List<String> found = new ArrayList<>();
        for (int h = 0; h < hits.size(); h++) {
            found.add(hits.pattern(h) + "@" + hits.start(h) + "-" + hits.end(h));
        }
        assertThat(expected).hasSize(50);
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(automaton.stateCount()).isGreaterThan(minStates);
    }

    private static String randomWord(Random random, String letters, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        return random.ints(length, 0, letters.length()).mapToObj(i -> String.valueOf(letters.charAt(i)))
                .collect(Collectors.joining());
    }
}
