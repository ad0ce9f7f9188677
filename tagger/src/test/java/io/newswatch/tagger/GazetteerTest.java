package io.newswatch.tagger;

import static io.newswatch.tagger.TestTexts.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.newswatch.model.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped gazetteer as the tagger applies it: every spelling of every entity, inflected forms, exclusions,
 * exact mention spans and positions, and the errors a broken gazetteer file gives. In the tables a literal
 * backslash-n is a line break and backslash-u plus four hex digits is that character ({@link TestTexts#unescape}).
 */
class GazetteerTest {
    private static final Tagger TAGGER = Tagger.withDefaultRules();

    private static List<String> entities(String text) {
        return TAGGER.tag(text).entities();
    }

    /** Text and exactly the entity codes found in it (sorted, space-separated; '-' for none). */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            Kim Jong Un inspected a factory.                     | KP
            Kim Jong-un inspected a factory.                     | KP
            Kim Jong-Un inspected a factory.                     | KP
            KIM JONG UN inspected a factory.                     | KP
            kim jong un inspected a factory.                     | KP
            Kim Jong\\nUn inspected a factory.                   | KP
            Kim\\u00A0Jong\\u2013un inspected a factory.          | KP
            Kim Jong\\u00ADUn inspected a factory.                | -
            Kim Jong\\u00AD Un inspected a factory.               | KP
            Pyong\\u00ADyang denied it.                          | KP
            Kim Jong Unn inspected a factory.                    | -
            The ＤＰＲＫ fired a missile.                          | KP
            The D.P.R.K. fired a missile.                        | KP
            The DPRK fired a missile.                            | KP
            N. Korea fired a missile.                            | KP
            North Korea's envoy spoke.                           | KP
            North Korea’s envoy spoke.                           | KP
            The Democratic People's Republic of Korea spoke.     | KP
            Russia's navy sailed.                                | RU
            Russia’s navy sailed.                                | RU
            ＲＵＳＳＩＡ voted against.                              | RU
            The Kremlin said nothing.                            | RU
            Moscow-based analysts disagreed.                     | RU
            The Russians left early.                             | RU
            Sino-Russian ties deepened.                          | CN RU
            The People's Republic of China spoke.                | CN
            Chinese officials objected.                          | CN
            Санкции против России усилены.                       | RU
            Делегация Российской Федерации прибыла.              | RU
            ПУТИН выступил.                                      | RU
            Посол Росії заявив.                                  | RU
            Російські війська відступили.                        | RU
            КНДР провела испытание.                              | KP
            Делегация Северной Кореи прибыла.                    | KP
            Северокорейские военные прибыли.                     | KP
            Делегація Північної Кореї прибула.                   | KP
            Встреча с Ким Чен Ыном прошла.                       | KP
            Китай выразил протест.                               | CN
            북한은 미사일을 발사했다.                                | KP
            북한산 석탄이 항구에 쌓였다.                              | KP
            러시아와 협력을 강화했다.                                | RU
            시진핑 주석이 말했다.                                    | CN
            朝鲜外务省发表谈话。                                    | KP
            中國外交部發言人表示。                                  | CN
            中俄关系持续发展。                                      | CN RU
            북러 조약이 발효됐다.                                   | KP RU
            러·북 정상회담 이후 중ㆍ러 관계도 주목된다.                | CN KP RU
            中俄朝三国会谈。                                        | CN KP RU
            Russia, China and North Korea met.                   | CN KP RU
            South Korea protested.                               | -
            South Korean and South Korea's officials protested.  | -
            The Republic of Korea protested.                     | -
            The ROK Navy sailed.                                 | -
            Seoul protested.                                     | -
            Tensions rose on the Korean Peninsula.               | -
            Veterans of the Korean War gathered.                 | -
            Taiwan protested.                                    | -
            Chinese Taipei won gold.                             | -
            Ships patrolled the South China Sea.                 | -
            Ships patrolled the East China Sea.                  | -
            The Republic of China celebrated.                    | -
            Prussia was a kingdom.                               | -
            He ate in Chinatown.                                 | -
            A Russian doll sat on the shelf.                     | -
            조선소에서 선박을 건조했다.                               | -
            주말에 북한산 둘레길을 걸었다.                             | -
            한국 정부가 발표했다.                                    | -
            朝鲜族 cultural festival.                             | -
            朝鲜半岛局势紧张。                                      | -
            韩国总统访问。                                          | -
            Южная Корея протестует.                              | -
            Південна Корея протестує.                            | -
            """)
    void findsEveryEntityItsAliasesNameAndNothingElse(String input, String expected) {
        String text = unescape(input);
        assertThat(String.join(" ", entities(text))).isEqualTo(expected == null ? "" : expected);
    }

    /** Text, the one entity mentioned and the mention exactly as it stands (it occurs once in the text). */
    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The ＤＰＲＫ fired.                                   | KP | ＤＰＲＫ
            The D.P.R.K. fired.                                  | KP | D.P.R.K
            Russia's navy sailed.                                | RU | Russia
            Russia’s navy sailed.                                | RU | Russia
            Talks with Kim Jong\\nUn ended.                      | KP | Kim Jong\\nUn
            Talks with Kim   Jong - Un ended.                    | KP | Kim   Jong - Un
            Pyong\\u00ADyang denied it.                          | KP | Pyong\\u00ADyang
            북한은 발사했다.                                        | KP | 북한
            Делегация Северной Кореи прибыла.                    | KP | Северной Кореи
            Делегация Российской Федерации прибыла.              | RU | Российской
            Moscow-based analysts disagreed.                     | RU | Moscow
            (Beijing) objected.                                  | CN | Beijing
            The Democratic People's Republic of Korea spoke.     | KP | Democratic People's Republic of Korea
            The People's Republic of China spoke.                | CN | People's Republic of China
            """)
    void mentionsKeepTheirTextAndOffsetsExactly(String input, String entity, String written) {
        String text = unescape(input);
        String mention = unescape(written);
        int start = text.indexOf(mention);
        assertThat(text.lastIndexOf(mention)).as("fixture: the mention occurs once").isEqualTo(start);
        assertThat(TAGGER.tag(text).mentions())
                .extracting(Mention::entity, Mention::text, Mention::start, Mention::end)
                .containsExactly(tuple(entity, mention, start, start + mention.length()));
    }

    @Test
    void aCompoundIsOneSpanNamingEveryEntityOfIt() {
        assertThat(TAGGER.tag("中俄关系持续发展。").mentions())
                .extracting(Mention::entity, Mention::text, Mention::start, Mention::end)
                .containsExactlyInAnyOrder(tuple("CN", "中俄", 0, 2), tuple("RU", "中俄", 0, 2));
        assertThat(TAGGER.tag("양국은 북러 조약을 비준했다.").mentions())
                .extracting(Mention::entity, Mention::text, Mention::start)
                .containsExactlyInAnyOrder(tuple("KP", "북러", 4), tuple("RU", "북러", 4));
    }

    @Test
    void anExclusionHidesOnlyTheAliasItCovers() {
        String text = "South China Sea patrols angered China and the Republic of Korea, not North Korea.";
        assertThat(TAGGER.tag(text).mentions())
                .extracting(Mention::entity, Mention::start)
                .containsExactly(tuple("CN", text.lastIndexOf("China")), tuple("KP", text.indexOf("North Korea")));
    }

    @Test
    void mentionsAreInTextOrderWithTheirSentenceAndParagraph() {
        String text = "Talks opened in Geneva.\n\n"
                + "Later, Kim Jong\nUn met Putin's aide. Russia’s envoy left early.\n\n"
                + "  Beijing said nothing. Neither did Seoul.";
        List<Mention> mentions = TAGGER.tag(text).mentions();
        assertThat(mentions)
                .extracting(Mention::entity, Mention::text, Mention::sentence, Mention::paragraph)
                .containsExactly(
                        tuple("KP", "Kim Jong\nUn", 1, 1),
                        tuple("RU", "Putin", 1, 1),
                        tuple("RU", "Russia", 2, 1),
                        tuple("CN", "Beijing", 3, 2));
        for (Mention m : mentions) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
    }

    @Test
    void theDefaultGazetteerDefinesTheThreeEntities() {
        Gazetteer g = Gazetteer.defaults();
        assertThat(g.codes()).containsExactly("RU", "KP", "CN");
        assertThat(g.name("KP")).isEqualTo("North Korea");
        assertThat(g.name("XX")).isNull();
        assertThat(RuleSet.defaults().gazetteer().codes()).isEqualTo(g.codes());
    }

    @Test
    void aSmallGazetteerFileParsesWithAliasMapsExpansionsAndCompounds() {
        Gazetteer g = Gazetteer.parse(TestTexts.fixture("gazetteer/two-entities.yaml"), "g.yaml");
        assertThat(g.codes()).containsExactly("AA", "BB");
        assertThat(g.name("BB")).isEqualTo("Betaland");
        assertThat(g.size()).isEqualTo(8);
    }

    /** A broken gazetteer fixture, where its first problem is and what the message says. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad-code               |  5 | 11 | entity code 'Bb' must be upper-case letters and digits
            alias-is-exclusion     |  5 | 34 | 'ALPHAVILLE' cannot be used: it is also an alias of AA
            exclusion-then-alias   |  8 | 21 | 'Beta-Alpha' cannot be used: it is also an exclusion
            unbalanced-brace       |  6 | 18 | '{' is never closed in 'Alf{a,as'
            stray-brace            |  4 | 22 | '}' without '{' in 'Alf}a'
            nested-brace           |  4 | 22 | braces cannot nest in 'Al{p{h,x},y}a'
            star-inside            |  4 | 22 | '*' may only end an alias
            compound-unknown-code  | 10 | 20 | unknown entity CC (defined: AA, BB)
            compound-single        |  6 |  3 | a compound names at least two entities
            duplicate-code         |  5 | 11 | entity AA is defined twice
            missing-aliases        |  2 |  5 | missing key 'aliases'
            duplicate-key          |  5 |  5 | key 'name' given twice
            """)
    void aBrokenGazetteerNamesFileLineAndColumn(String fixture, int line, int column, String problem) {
        String yaml = TestTexts.fixture("gazetteer/" + fixture + ".yaml");
        assertThatThrownBy(() -> Gazetteer.parse(yaml, "g.yaml"))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.getMessage()).startsWith("g.yaml:" + line + ":" + column + ": " + problem);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).contains("    " + line + " | " + yaml.split("\n")[line - 1]);
                    assertThat(TestTexts.caretColumn(e.getMessage())).isEqualTo(column);
                });
    }

    @Test
    void anUnknownKeyIsRefusedWithTheKeysThatAreAllowed() {
        String yaml = TestTexts.fixture("gazetteer/unknown-key.yaml");
        assertThatThrownBy(() -> Gazetteer.parse(yaml, "g.yaml"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("g.yaml:6:")
                .hasMessageContaining(": unknown key 'flag' (allowed: aliases, code, exclusions, name)");
    }

    @Test
    void aGazetteerThatIsNotYamlSaysSoWithItsLine() {
        String yaml = TestTexts.fixture("gazetteer/not-yaml.yaml");
        assertThatThrownBy(() -> Gazetteer.parse(yaml, "g.yaml"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("g.yaml:3:")
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("expected ',' or ']'");
    }

    /**
     * A soft hyphen (U+00AD, what {@code &shy;} becomes) is only a hyphenation hint inside a word, so it must not
     * make a word boundary: "Chi&shy;na&shy;town" is Chinatown and "Ca&shy;si&shy;no" is a casino.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            He ate in Chi\\u00ADna\\u00ADtown.
            The ca\\u00ADsi\\u00ADno closed.
            """)
    void aSoftHyphenInsideAWordIsNoWordBoundary(String input) {
        assertThat(entities(unescape(input))).isEmpty();
    }

    /** Words that contain or equal an alias but name none of the three countries. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            프러시아 왕국은 1701년에 세워졌다.
            Louis XI ruled France.
            The Russo brothers directed the film.
            조선 업체들이 새 선박을 수주했다.
            """)
    void wordsThatOnlyLookLikeAnAliasAreNoEntity(String text) {
        assertThat(entities(text)).isEmpty();
    }
}
