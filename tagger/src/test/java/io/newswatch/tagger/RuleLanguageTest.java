package io.newswatch.tagger;

import static io.newswatch.tagger.TestTexts.unescape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newswatch.model.Evidence;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What rule queries mean, on small texts: each row runs one text through the small ruleset of
 * {@code rules-fixtures/valid/language.yaml} (one rule per feature) and checks whether one rule matched.
 */
class RuleLanguageTest {
    private static final Tagger LANGUAGE =
            Tagger.withRules(RuleSet.parse(TestTexts.fixture("valid/language.yaml"), "test.yaml", null));

    private static Tagger tagger(String yaml) {
        return Tagger.withRules(RuleSet.parse(yaml, "test.yaml", null));
    }

    /** Rule id, text (backslash-n is a line break, backslash-uXXXX a character) and whether the rule matches. */
    @ParameterizedTest(name = "[{index}] {0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            term             | A shell landed.                                   | true
            term             | SHELL hit the roof.                               | true
            term             | The shell's casing split.                         | true
            term             | Shell-shocked troops rested.                      | true
            term             | Shells landed.                                    | false
            term             | An eggshell cracked.                              | false
            term             | Troops shelled the town.                          | false
            wildcard         | New sanctions were announced.                     | true
            wildcard         | Sanctioned banks protested.                       | true
            wildcard         | A sanction was lifted.                            | true
            wildcard         | Anti-sanctions protesters gathered.               | true
            wildcard         | An unsanctioned rally took place.                 | false
            wildcard         | The sanctio typo stays.                           | false
            phrase-wildcard  | Price caps were set.                              | true
            phrase-wildcard  | Price-capped oil sold.                            | true
            phrase-wildcard  | The price\\ncap held.                             | true
            phrase-wildcard  | The price of the cap rose.                        | false
            phrase-wildcard  | The price, cap and all, rose.                     | false
            braces           | Resolution 2270 applies.                          | true
            braces           | resolution 2397 applies.                          | true
            braces           | Resolution 2371 applies.                          | false
            braces           | Resolution 22700 applies.                         | false
            braces           | A violation occurred.                             | true
            braces           | Violations occurred.                              | true
            braces           | Violationss occurred.                             | false
            phrase           | A ship-to-ship transfer.                          | true
            phrase           | A ship to\\nship transfer.                        | true
            phrase           | A ship\\u2014to\\u2014ship transfer.              | true
            phrase           | A SHIP TO SHIP transfer.                          | true
            phrase           | A ship, to ship transfer.                         | false
            phrase           | A ship to shipping transfer.                      | false
            and              | Alpha came.\\n\\nOmega left.                      | true
            and              | Alpha came.                                       | false
            or               | Omega left.                                       | true
            or               | Nothing else.                                     | false
            not              | Alpha came.                                       | true
            not              | Alpha came.\\n\\nOmega left.                      | false
            near             | alpha omega                                       | true
            near             | alpha x omega                                     | true
            near             | alpha x y omega                                   | false
            near             | omega x alpha                                     | true
            near             | omega x y alpha                                   | false
            near             | alpha-x-omega                                     | true
            near             | alpha, x; omega                                   | true
            near             | alpha x\\ny omega                                 | false
            near             | Alpha came. Omega left.                           | true
            onear            | alpha x omega                                     | true
            onear            | omega x alpha                                     | false
            onear            | omega alpha                                       | false
            near-phrase      | big alpha omega                                   | true
            near-phrase      | omega big alpha                                   | true
            near-phrase      | big alpha x omega                                 | false
            near-phrase      | omega x big alpha                                 | false
            near-phrase      | alpha omega                                       | false
            sentence         | Alpha and omega met.                              | true
            sentence         | Alpha came\\nand omega left.                      | true
            sentence         | Alpha came. Omega left.                           | false
            sentence         | Alpha met Dr. Omega there.                        | true
            paragraph        | Alpha came. Omega left.                           | true
            paragraph        | Alpha came.\\n\\nOmega left.                      | false
            paragraph        | Alpha came.\\n  \\t\\nOmega left.                 | false
            sentence-not     | Alpha came. Omega left.                           | true
            sentence-not     | Alpha and omega came.                             | false
            sentence-not     | Alpha and omega came. Omega left.                 | false
            sentence-not     | Omega left. Alpha and omega came. Alpha stayed.   | true
            paragraph-not    | Alpha came. Omega left.                           | false
            paragraph-not    | Alpha came.\\n\\nOmega left.                      | true
            near-in-sentence | Alpha x omega met.                                | true
            near-in-sentence | Alpha came. Omega left.                           | false
            lists            | North Korea sent shells.                          | true
            lists            | North Korea sent artillery rounds.                | true
            lists            | North Korea sold howitzers.                       | true
            lists            | North Korea built main battle tanks.              | true
            lists            | Pyongyang showed rocket launchers.                | true
            lists            | Pyongyang tested a Hwasong-18.                    | true
            lists            | North Korea fired missiles.                       | true
            lists            | Pyongyang showed rockets and launchers.           | false
            lists            | North Korea held a parade. Shells were shown.     | false
            lists            | Russia sent shells.                               | false
            entity-pair      | Moscow and Pyongyang signed a treaty.             | true
            entity-pair      | Moscow signed. Pyongyang agreed.                  | false
            entity-pair      | Russia and South Korea talked.                    | false
            china-word       | Ships crossed the South China Sea.                | true
            china-entity     | Ships crossed the South China Sea.                | false
            china-entity     | Ships crossed the South China Sea to China.       | true
            yo               | Ещё одна партия.                                  | true
            yo               | Еще одна партия.                                  | true
            yo               | Ещёпартия.                                        | false
            """)
    void eachRuleMatchesExactlyWhatItsQuerySays(String rule, String input, boolean matches) {
        TagResult result = LANGUAGE.tag(unescape(input));
        assertThat(result.matched(rule)).as("%s on %s (matched: %s)", rule, input, result.rules()).isEqualTo(matches);
    }

    /**
     * NEAR/n holds when the word positions differ by at most n (adjacent words are 1 apart): a text with
     * {@code gap - 1} filler words between the two terms, both orders, with NEAR and with ONEAR.
     */
    @ParameterizedTest(name = "[{index}] NEAR/{0} over a gap of {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1   | 1   | true
            1   | 2   | false
            2   | 2   | true
            2   | 3   | false
            5   | 5   | true
            5   | 6   | false
            100 | 100 | true
            100 | 101 | false
            """)
    void nearCountsWordPositions(int n, int gap, boolean within) {
        Tagger t = tagger("""
                version: 2
                rules:
                  - {id: near, title: near, query: alpha NEAR/%1$d omega}
                  - {id: onear, title: onear, query: alpha ONEAR/%1$d omega}
                """.formatted(n));
        String filler = " w".repeat(gap - 1);
        TagResult forward = t.tag("alpha" + filler + " omega");
        TagResult backward = t.tag("omega" + filler + " alpha");
        assertThat(forward.matched("near")).as("NEAR forward").isEqualTo(within);
        assertThat(backward.matched("near")).as("NEAR backward").isEqualTo(within);
        assertThat(forward.matched("onear")).as("ONEAR forward").isEqualTo(within);
        assertThat(backward.matched("onear")).as("ONEAR backward").isFalse();
    }

    /** A soft hyphen, combining mark or word joiner inside a word is invisible: it neither splits nor adds a word. */
    @ParameterizedTest(name = "[{index}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            near  | alpha x y ome\\u00ADga   | false
            near  | omega x y al\\u00ADpha   | false
            near  | alpha x y ome\\u0301ga   | false
            onear | alpha x y ome\\u2060ga   | false
            """)
    void anInvisibleCharacterInsideAWordDoesNotMoveWordPositions(String rule, String input, boolean matches) {
        assertThat(LANGUAGE.tag(unescape(input)).matched(rule)).isEqualTo(matches);
    }

    /** "Alpha's omega": the possessive is part of its word, so omega is the very next word. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Alpha's omega
            Alpha’s omega
            """)
    void aPossessiveIsOneWordForNear(String text) {
        Tagger t = tagger("version: 2\nrules:\n  - {id: n, title: n, query: alpha NEAR/1 omega}\n");
        assertThat(t.tag(text).matched("n")).isTrue();
    }

    @Test
    void tagsDefaultToTheRuleIdAndARuleMayGiveSeveral() {
        Tagger t = tagger("""
                version: 2
                rules:
                  - {id: plain, title: no tags, query: shells}
                  - {id: several, title: two tags, tags: [arms, kp-arms], query: SENTENCE(@KP AND shells)}
                  - {id: shared, title: shares a tag, tags: [arms], query: SENTENCE(@RU AND shells)}
                  - {id: silent, title: does not match, query: rockets}
                """);
        String text = "Russia bought shells. North Korea sold them.\n\nNorth Korea made more shells.";
        TagResult r = t.tag(text);
        assertThat(r.rules()).containsExactly("plain", "several", "shared");
        assertThat(r.tags()).containsExactly("arms", "kp-arms", "plain");
        assertThat(r.evidenceFor("arms")).extracting(Evidence::text)
                .containsExactly("Russia bought shells.", "North Korea made more shells.");
        assertThat(r.evidenceFor("kp-arms")).extracting(Evidence::text)
                .containsExactly("North Korea made more shells.");
        assertThat(r.evidenceFor("silent")).isEmpty();
        assertThat(t.ruleSet().tags()).containsExactly("arms", "kp-arms", "plain", "silent");
    }

    @Test
    void evidenceIsTheSentencesThatMadeTheRuleTrueWithTheWordsAsWritten() {
        Tagger t = tagger("""
                version: 2
                rules:
                  - {id: pair, title: pair, query: SENTENCE(@RU AND @KP)}
                  - {id: para, title: para, query: PARAGRAPH(@RU AND shell*)}
                  - {id: sts, title: sts, query: '"ship to ship" AND NOT rockets'}
                """);
        String text = "Talks opened.\n\n"
                + "KIM JONG UN met Putin. They discussed Shells.\n\n"
                + "Later, Putin left. Kim Jong-un stayed, and Moscow’s envoy watched a ship to\nship transfer.";
        TagResult r = t.tag(text);
        for (Evidence e : r.evidence()) {
            assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
        assertThat(r.evidence()).extracting(Evidence::tag).containsExactly("pair", "pair", "para", "para", "sts");
        assertThat(r.evidenceFor("pair"))
                .extracting(Evidence::text, Evidence::start)
                .containsExactly(
                        tuple("KIM JONG UN met Putin.", text.indexOf("KIM JONG UN")),
                        tuple("Kim Jong-un stayed, and Moscow’s envoy watched a ship to\nship transfer.",
                                text.indexOf("Kim Jong-un")));
        assertThat(r.evidenceFor("pair").get(0).matched()).containsExactlyInAnyOrder("KIM JONG UN", "Putin");
        assertThat(r.evidenceFor("pair").get(1).matched()).containsExactlyInAnyOrder("Kim Jong-un", "Moscow");
        // the entity condition only gives context: the sentence with the word proves the tag and comes first
        assertThat(r.evidenceFor("para")).extracting(Evidence::text, Evidence::matched, Evidence::role)
                .containsExactly(tuple("They discussed Shells.", List.of("Shells"), Evidence.DECISIVE),
                        tuple("KIM JONG UN met Putin.", List.of("Putin"), Evidence.CONTEXT));
        assertThat(r.evidenceFor("pair")).allMatch(Evidence::isDecisive);
        assertThat(r.evidenceFor("sts")).singleElement().extracting(Evidence::matched)
                .isEqualTo(List.of("ship to\nship"));
    }

    @Test
    void evidenceOfNearNamesBothWords() {
        TagResult r = LANGUAGE.tag("First a line.\n\nThen Alpha x Omega appeared.");
        assertThat(r.evidenceFor("near")).singleElement().satisfies(e -> {
            assertThat(e.text()).isEqualTo("Then Alpha x Omega appeared.");
            assertThat(e.start()).isEqualTo(15);
            assertThat(e.matched()).containsExactlyInAnyOrder("Alpha", "Omega");
        });
    }

    @Test
    void aScopeGivesAtMostEightSentencesOfEvidenceAndAWordItsFirstThreeOccurrences() {
        Tagger t = tagger("""
                version: 2
                rules:
                  - {id: scoped, title: scoped, query: SENTENCE(@KP AND shells)}
                  - {id: whole, title: whole text, query: shells}
                """);
        String text = "North Korea sent shells. ".repeat(20).strip();
        TagResult r = t.tag(text);
        assertThat(r.evidenceFor("scoped")).hasSize(8)
                .extracting(Evidence::start).containsExactly(0, 25, 50, 75, 100, 125, 150, 175);
        assertThat(r.evidenceFor("whole")).extracting(Evidence::start).containsExactly(0, 25, 50);
    }

    @Test
    void aRuleWithoutOptionalKeysGetsTheDocumentedDefaults() {
        RuleSet rules = LANGUAGE.ruleSet();
        Rule term = rules.rule("term").orElseThrow();
        assertThat(term.tags()).containsExactly("term");
        assertThat(term.severity()).isEqualTo(Severity.WARNING);
        assertThat(term.alert()).isFalse();
        assertThat(term.examples()).isEmpty();
        assertThat(rules.rule("near-phrase").orElseThrow().queryText()).isEqualTo("\"big alpha\" NEAR/1 omega");
        assertThat(rules.rule("nope")).isEmpty();
        assertThat(rules.lists()).containsOnlyKeys("HEAVY", "ARMS", "MISSILES", "WEAPONS");
        assertThat(rules.rules()).extracting(Rule::id).startsWith("term", "wildcard", "phrase-wildcard");
    }

    @Test
    void versionsChangeExactlyWhenWhatTheyCoverChanges() {
        String base = """
                version: 2
                lists:
                  INNER: [shells]
                  OUTER: $INNER OR rockets
                  OTHER: [tanks]
                rules:
                  - {id: a, title: uses lists, query: SENTENCE(@KP AND $OUTER)}
                  - {id: b, title: uses none, query: "@RU"}
                """;
        RuleSet one = RuleSet.parse(base, "test.yaml", null);
        RuleSet same = RuleSet.parse(base, "test.yaml", null);
        RuleSet innerChanged = RuleSet.parse(base.replace("[shells]", "[shells, mortars]"), "test.yaml", null);
        RuleSet otherChanged = RuleSet.parse(base.replace("[tanks]", "[tanks, jets]"), "test.yaml", null);
        assertThat(same.version()).isEqualTo(one.version());
        assertThat(same.rule("a").orElseThrow().version()).isEqualTo(one.rule("a").orElseThrow().version());
        assertThat(innerChanged.rule("a").orElseThrow().version()).isNotEqualTo(one.rule("a").orElseThrow().version());
        assertThat(innerChanged.rule("b").orElseThrow().version()).isEqualTo(one.rule("b").orElseThrow().version());
        assertThat(otherChanged.rule("a").orElseThrow().version()).isEqualTo(one.rule("a").orElseThrow().version());
        assertThat(otherChanged.version()).isNotEqualTo(one.version());
        assertThat(Tagger.withRules(one).rulesVersion()).isEqualTo(one.version()).hasSize(16);
    }

    @Test
    void aRulesFileOnDiskMayBringItsOwnGazetteer() throws URISyntaxException {
        Path file = Path.of(RuleLanguageTest.class.getResource(TestTexts.FIXTURES + "valid/alpha-beta.yaml").toURI());
        RuleSet rules = RuleSet.load(file);
        assertThat(rules.gazetteer().codes()).containsExactly("AA", "BB");
        Rule aa = rules.rule("aa").orElseThrow();
        assertThat(aa.severity()).isEqualTo(Severity.INFO);
        assertThat(aa.alert()).isTrue();
        Tagger t = Tagger.withRules(rules);
        assertThat(t.tag("Alphans met Betaville officials.").tags()).containsExactly("aa", "aa-bb", "pair");
        assertThat(t.tag("The Alphalanders voted.").entities()).containsExactly("AA");
        assertThat(t.tag("Alfa spoke.").entities()).containsExactly("AA");
        assertThat(t.tag("Alpha Centauri is a star.").entities()).isEmpty();
        assertThat(t.tag("AlphaBeta is one word.").entities()).containsExactly("AA", "BB");
        assertThat(t.tag("Russia and North Korea met.").entities()).isEmpty();
    }
}
