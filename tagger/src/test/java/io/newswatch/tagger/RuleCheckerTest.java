package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;
import io.newswatch.model.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RuleChecker}: the examples written into a ruleset, run through the tagger built from that ruleset. */
class RuleCheckerTest {

    @Test
    void everyExampleOfTheShippedRulesetPasses() {
        List<RuleChecker.Outcome> outcomes = RuleChecker.run(RuleSet.defaults());
        String failed = outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.rule().id() + " line " + o.example().line() + (o.example().shouldMatch() ? " match: "
                        : " no-match: ") + o.example().text() + " -> got " + o.result().rules())
                .collect(Collectors.joining("\n"));
        assertThat(failed).as("failed examples").isEmpty();
        assertThat(outcomes).isNotEmpty();
    }

    @Test
    void everyShippedRuleHasAMatchAndANoMatchExample() {
        for (Rule rule : RuleSet.defaults().rules()) {
            assertThat(rule.examples()).as("match examples of %s", rule.id()).anyMatch(RuleExample::shouldMatch);
            assertThat(rule.examples()).as("no-match examples of %s", rule.id()).anyMatch(e -> !e.shouldMatch());
        }
    }

    @Test
    void theShippedRulesetHasTheRulesDesignMdDefines() {
        RuleSet rules = RuleSet.defaults();
        assertThat(rules.rules()).extracting(Rule::id)
                .startsWith("ru-kp", "cn-kp", "ru-cn", "triangle", "sanctions-violation");
        assertThat(rules.rules()).filteredOn(Rule::alert).extracting(Rule::id)
                .containsExactly("ru-kp", "cn-kp", "ru-cn", "triangle", "sanctions-violation");
        assertThat(rules.rule("triangle").orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rules.rule("ru-cn").orElseThrow().severity()).isEqualTo(Severity.INFO);
        assertThat(rules.rule("sanctions-explicit-breach").orElseThrow().tags())
                .containsExactly("sanctions-explicit-breach");
    }

    @Test
    void aWrongExampleIsReportedAndOnlyThatOne() {
        RuleSet rules = RuleSet.parse(TestTexts.fixture("valid/wrong-examples.yaml"), "test.yaml", null);
        List<RuleChecker.Outcome> outcomes = RuleChecker.run(rules);
        assertThat(outcomes)
                .extracting(o -> o.rule().id(), o -> o.example().shouldMatch(), o -> o.example().line(),
                        RuleChecker.Outcome::passed)
                .containsExactly(
                        tuple("shells", true, 8, true),
                        tuple("shells", true, 9, true),
                        tuple("shells", false, 11, true),
                        tuple("shells", false, 12, true),
                        tuple("pair", true, 18, true),
                        tuple("pair", true, 19, false),
                        tuple("pair", false, 21, true),
                        tuple("pair", false, 22, false));
        List<RuleChecker.Outcome> failed = outcomes.stream().filter(o -> !o.passed()).toList();
        assertThat(failed.get(0).example().text()).isEqualTo("Moscow agreed. Beijing did too.");
        assertThat(failed.get(0).result().entities()).containsExactly("CN", "RU");
        assertThat(failed.get(0).result().rules()).isEmpty();
        assertThat(failed.get(1).example().text()).isEqualTo("Russia and China signed a deal.");
        assertThat(failed.get(1).result().rules()).containsExactly("pair");
    }

    @Test
    void examplesSeeTheWholeRulesetAndRealParagraphs() {
        RuleSet rules = RuleSet.parse("""
                version: 2
                lists:
                  ARMS: [shells]
                rules:
                  - id: kp-arms-paragraph
                    title: North Korea and arms in one paragraph
                    query: PARAGRAPH(@KP AND $ARMS)
                    examples:
                      match: ["North Korea spoke. Shells were shown."]
                      no-match: ["North Korea spoke.\\n\\nShells were shown."]
                """, "test.yaml", null);
        List<RuleChecker.Outcome> outcomes = RuleChecker.run(rules);
        assertThat(outcomes).extracting(RuleChecker.Outcome::passed).containsExactly(true, true);
        assertThat(outcomes.get(1).example().text()).isEqualTo("North Korea spoke.\n\nShells were shown.");
    }

    /** YAML text ({@code \\n} for a line break) and whether it is a gazetteer rather than a ruleset. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            entities:\\n  - {code: KP, name: North Korea, aliases: [DPRK]}\\ncompounds: {}   | true
            entities:\\n  - {code: KP, name: North Korea, aliases: [DPRK]}                | true
            version: 2\\nentities: my-entities.yaml\\nrules: []                          | false
            version: 2\\nrules:\\n  - {id: a, title: a, query: x}                        | false
            entities:\\n  - {code: KP}\\nrules: []                                        | false
            `just: [unclosed`                                                               | false
            - a list                                                                        | false
            """)
    void aGazetteerIsToldApartFromARuleset(String yaml, boolean gazetteer) {
        assertThat(RuleChecker.isGazetteer(yaml.replace("\\n", "\n"))).isEqualTo(gazetteer);
    }

    @Test
    void theProofOfAMatchIsTheFirstDecisiveSentenceOfTheRulesTags() {
        RuleSet rules = RuleSet.parse("""
                version: 2
                rules:
                  - id: kp-breach
                    title: breach in an article about North Korea
                    query: "@KP AND SENTENCE(violat*)"
                    examples:
                      no-match: ["Pyongyang hosted the talks. The deal violated the rules."]
                      match: ["Nothing here."]
                """, "test.yaml", null);
        List<RuleChecker.Outcome> outcomes = RuleChecker.run(rules);
        assertThat(outcomes).extracting(RuleChecker.Outcome::passed).containsExactly(false, false);
        // examples run match first, then no-match
        Evidence proof = outcomes.get(1).proof();
        assertThat(proof.text()).isEqualTo("The deal violated the rules.");
        assertThat(proof.isDecisive()).isTrue();
        assertThat(outcomes.get(0).proof()).isNull();
    }
}
