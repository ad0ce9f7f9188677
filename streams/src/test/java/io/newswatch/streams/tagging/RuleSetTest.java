package io.newswatch.streams.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {

    @Test
    void defaultRulesetHasTheDocumentedRules() {
        RuleSet rules = RuleSet.defaults();
        assertThat(rules.rules()).extracting(Rule::id)
                .containsExactly("ru-kp", "cn-kp", "ru-cn", "triangle", "sanctions-violation");
        assertThat(rules.rule("ru-cn")).get().extracting(Rule::alert).isEqualTo(true);
        assertThat(rules.rule("sanctions-violation")).get().extracting(Rule::severity).isEqualTo(Severity.CRITICAL);
        assertThat(rules.gazetteer().codes()).containsExactlyInAnyOrder("RU", "KP", "CN");
    }

    @Test
    void loadsAUserFileWithItsOwnGazetteer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("places.yaml"), """
                entities:
                  - code: FR
                    name: France
                    aliases: [France, Paris]
                  - code: DE
                    name: Germany
                    aliases: [Germany, Berlin]
                """);
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                version: 1
                entities: places.yaml
                rules:
                  - id: fr-de
                    title: France and Germany
                    alert: true
                    when:
                      together: {entities: [FR, DE], within: sentence}
                  - id: wine
                    title: Wine exports
                    when:
                      sentence:
                        all-of: [wine*, [export*, ship*]]
                        mentions: {any-of: [FR], within: paragraph}
                """);
        RuleSet rules = RuleSet.load(file);
        Tagger tagger = Tagger.withRules(rules);
        assertThat(tagger.tag("Paris and Berlin agreed.").tags()).containsExactly("fr-de");
        assertThat(tagger.tag("France grows grapes. Winemakers exported more.").tags()).containsExactly("wine");
        assertThat(tagger.tag("Winemakers exported more.").tags()).isEmpty();
        assertThat(rules.version()).isNotEqualTo(RuleSet.defaults().version());
    }

    /** A broken rules file and the start of the error message it must produce. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    when: {together: {entities: [RU, XX], within: sentence}} | r.yaml:5:38: rule 'a': unknown entity 'XX'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    sevrity: info\\n    when: {together: {entities: [RU, KP], within: sentence}} | r.yaml:5:14: rule 'a': unknown key 'sevrity'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    severity: loud\\n    when: {together: {entities: [RU, KP], within: sentence}} | r.yaml:5:15: rule 'a': unknown severity 'loud'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    when: {together: {entities: [RU, KP], within: page}} | r.yaml:5:51: rule 'a': unknown scope 'page'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    when: {near: {entities: [RU, KP]}} | r.yaml:5:18: rule 'a': unknown condition 'near'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    when: {sentence: {all-of: [vi*olate]}} | r.yaml:5:32: rule 'a': bad term
            version: 1\\nrules:\\n  - id: Bad_Id\\n    title: A\\n    when: {together: {entities: [RU, KP], within: sentence}} | r.yaml:3:9: rule id 'Bad_Id'
            version: 1\\nrules:\\n  - id: a\\n    title: A\\n    when: {together: {entities: [RU, KP], within: sentence}}\\n  - id: a\\n    title: B\\n    when: {together: {entities: [RU, KP], within: sentence}} | r.yaml:6:9: rule 'a': rule id 'a' is used twice
            version: 2\\nrules: [] | r.yaml:1:10: unsupported ruleset format version '2'
            version: 1\\nrules:\\n  - id: a\\n    when: {together: {entities: [RU, KP], within: sentence}} | r.yaml:3:5: rule 'a': missing key 'title'
            version: 1\\nrules: [a, | r.yaml:2:
            """)
    void reportsFileRuleAndPosition(String yaml, String expectedStart) {
        assertThatThrownBy(() -> RuleSet.parse(yaml.replace("\\n", "\n"), "r.yaml", null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(expectedStart);
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleSet.load(dir.resolve("absent.yaml")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("absent.yaml: cannot read the rules file");
    }
}
