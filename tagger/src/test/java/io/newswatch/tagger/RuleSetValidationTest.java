package io.newswatch.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid rulesets: each fixture in {@code rules-fixtures/invalid/} must fail on load with a message that starts
 * {@code test.yaml:LINE:COLUMN:}, names the rule (or list) at fault, says what is wrong, and shows the line with a
 * caret under the column. The fixtures are written so the positions can be counted by eye.
 */
class RuleSetValidationTest {

    private static RuleSetException failure(String fixture) {
        String yaml = TestTexts.fixture(fixture);
        Throwable thrown = catchThrowable(() -> {
            if (fixture.startsWith("gazetteer/")) {
                Gazetteer.parse(yaml, "test.yaml");
            } else {
                RuleSet.parse(yaml, "test.yaml", null);
            }
        });
        assertThat(thrown).as("loading %s", fixture).isInstanceOf(RuleSetException.class);
        return (RuleSetException) thrown;
    }

    private static void assertPointsAt(RuleSetException e, String fixture, int line, int column) {
        String yaml = TestTexts.fixture(fixture);
        assertThat(e.getMessage()).startsWith("test.yaml:" + line + ":" + column + ": ");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        String[] lines = e.getMessage().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("    " + line + " | " + yaml.split("\n", -1)[line - 1]);
        assertThat(TestTexts.caretColumn(e.getMessage())).as("caret column").isEqualTo(column);
    }

    /**
     * Fixture (under {@code invalid/}), line and column of the problem, the rule or list the message names ('-'
     * for a problem outside any rule) and what it says.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', nullValues = "-", textBlock = """
            query-one-line        |  5 | 36 | rule 'kp-arms'   | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'missiles'
            query-quoted          |  5 | 37 | rule 'kp-arms'   | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'missiles'
            query-folded          | 10 | 16 | rule 'kp-arms'   | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'missiles'
            query-folded-brace    |  7 | 30 | rule 'kp-breach' | '{' is never closed in 'violation{s'
            unknown-entity        |  5 | 29 | rule 'ru-xx'     | unknown entity @XX (the gazetteer defines @RU, @KP, @CN)
            unknown-list          |  7 | 39 | rule 'kp-arms'   | unknown list $AMMO (define it under 'lists:')
            list-cycle            |  3 |  9 | -                | list $ARMS refers to itself: $ARMS -> $HEAVY -> $GUNS -> $ARMS
            list-self             |  3 |  9 | -                | list $ARMS refers to itself: $ARMS -> $ARMS
            near-over-and         |  5 | 13 | rule 'kp-arms'   | a NEAR/ONEAR operand must be a word, "phrase", @ENTITY, or an OR or NEAR of those, so its position is known; found ("shells" AND "rockets")
            near-over-scope       |  5 | 25 | rule 'kp-arms'   | a NEAR/ONEAR operand must be a word, "phrase", @ENTITY, or an OR or NEAR of those, so its position is known; found SENTENCE("shells")
            contradiction         |  5 | 40 | rule 'kp-arms'   | this can never match: it requires "shells" and NOT "shells" at once
            only-not              |  5 | 12 | rule 'calm'      | this query can match a text that contains none of its words or entities (it is built from NOT alone)
            duplicate-id          |  6 |  9 | rule 'kp-arms'   | rule id 'kp-arms' is used twice
            bad-severity          |  5 | 15 | rule 'kp-arms'   | unknown severity 'loud' (info, warning or critical)
            bad-alert             |  5 | 12 | rule 'kp-arms'   | 'alert' must be true or false, not 'yes'
            bad-tag               |  5 | 18 | rule 'kp-arms'   | tag 'Korea Arms' must be lower-case letters, digits and hyphens
            bad-rule-id           |  3 |  9 | -                | rule id 'Kp_Arms' must be lower-case letters, digits and hyphens
            missing-title         |  3 |  5 | rule 'kp-arms'   | missing key 'title'
            wrong-version         |  1 | 10 | -                | unsupported ruleset format version '1' (this newswatch reads version 2
            empty-example         |  7 | 43 | rule 'kp-arms'   | an example text is empty
            list-item-wildcard    |  3 | 18 | list $ARMS       | 'ro*' matches too much: a wildcard needs at least three letters before the *
            list-query-error      |  3 | 16 | list $ARMS       | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'rockets'
            list-unknown-entity   |  4 | 13 | list $XX_ARMS    | unknown entity @XX
            bad-list-name         |  3 |  9 | list $arms       | list name 'arms' must be upper-case letters, digits and underscores
            no-rules              |  2 |  8 | -                | the ruleset has no rules
            entities-not-on-disk  |  2 | 11 | -                | 'entities' can only be used in a rules file on disk
            decisive-not-a-part   |  6 | 15 | rule 'kp-arms'   | the decisive part SENTENCE("shells") is not a part of the query
            decisive-under-not    |  5 | 45 | rule 'kp-arms'   | a decisive part cannot stand under NOT: "rockets" proves nothing there
            decisive-near-side    |  5 | 47 | rule 'kp-breach' | a decisive part cannot be one side of a NEAR/ONEAR: name the whole NEAR as decisive instead of "violat*"
            decisive-query-error  |  6 | 31 | rule 'kp-arms'   | expected AND, OR, NEAR/n or ONEAR/n between 'shells' and 'rockets'
            """)
    void anInvalidRulesetNamesFileLineColumnAndRule(String name, int line, int column, String where, String problem) {
        String fixture = "invalid/" + name + ".yaml";
        RuleSetException e = failure(fixture);
        assertPointsAt(e, fixture, line, column);
        String prefix = "test.yaml:" + line + ":" + column + ": ";
        assertThat(e.getMessage()).startsWith(prefix + (where == null ? "" : where + ": ") + problem);
    }

    /** An unknown key is refused, naming the keys that are allowed there. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            invalid/unknown-key          | 5 | rule 'kp-arms': unknown key 'sevrity' (allowed: alert, decisive, examples, id, query, severity, tags, title)
            invalid/unknown-example-key  | 7 | rule 'kp-arms': unknown key 'matches' (allowed: match, no-match)
            invalid/unknown-top-key      |   | unknown key 'rule' (allowed: entities, lists, rules, version)
            gazetteer/unknown-key        | 6 | unknown key 'flag' (allowed: aliases, code, exclusions, name)
            """)
    void anUnknownKeyIsRefusedWithTheAllowedKeys(String fixture, Integer line, String problem) {
        RuleSetException e = failure(fixture + ".yaml");
        assertThat(e.getMessage()).startsWith("test.yaml:" + (line == null ? "" : line + ":"))
                .contains(": " + problem);
    }

    /**
     * The caret of an unknown-key error belongs under the key: that is what is misspelt, and a key whose value is
     * a block (a list on the following lines) is not even on the line of its value.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid/unknown-key          | 5 | 5
            invalid/unknown-example-key  | 7 | 7
            invalid/unknown-top-key      | 2 | 1
            gazetteer/unknown-key        | 6 | 5
            """)
    void anUnknownKeyIsPointedAtItself(String fixture, int line, int column) {
        String file = fixture + ".yaml";
        assertPointsAt(failure(file), file, line, column);
    }

    /** A file saved with Windows line endings gets the same positions (and no stray carriage return shown). */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            query-one-line  |  5 | 36
            query-quoted    |  5 | 37
            query-folded    | 10 | 16
            unknown-list    |  7 | 39
            """)
    void windowsLineEndingsDoNotMovePositions(String name, int line, int column) {
        String yaml = TestTexts.fixture("invalid/" + name + ".yaml").replace("\n", "\r\n");
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSet.parse(yaml, "test.yaml", null));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("test.yaml:" + line + ":" + column + ": ").doesNotContain("\r");
        assertThat(TestTexts.caretColumn(e.getMessage())).isEqualTo(column);
    }

    @Test
    void aFileThatIsNotYamlSaysSoWhere() {
        RuleSetException e = failure("invalid/not-yaml.yaml");
        assertThat(e.getMessage()).startsWith("test.yaml:5:10: not valid YAML: ")
                .contains("expected ',' or ']'");
        assertThat(TestTexts.caretColumn(e.getMessage())).isEqualTo(10);
    }

    @Test
    void anEmptyFileIsNotARuleset() {
        assertThatThrownBy(() -> RuleSet.parse("", "test.yaml", null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith("test.yaml:1:1: a ruleset is a map with the keys 'version' and 'rules'");
        assertThatThrownBy(() -> RuleSet.parse("version: 2\n", "test.yaml", null))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("missing key 'rules'");
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleSet.load(dir.resolve("absent.yaml")))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("absent.yaml: cannot read the rules file");
    }

    @Test
    void aBrokenGazetteerNextToARulesFileIsReportedWithItsOwnName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("places.yaml"), TestTexts.fixture("gazetteer/bad-code.yaml"));
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, TestTexts.fixture("invalid/entities-not-on-disk.yaml"));
        assertThatThrownBy(() -> RuleSet.load(rules))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(dir.resolve("places.yaml") + ":5:11: entity code 'Bb' must be upper-case");
    }

    @Test
    void aRulesFileOnDiskIsReportedUnderItsPath(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("mine.yaml");
        Files.writeString(rules, TestTexts.fixture("invalid/query-one-line.yaml"));
        assertThatThrownBy(() -> RuleSet.load(rules))
                .isInstanceOf(RuleSetException.class)
                .hasMessageStartingWith(rules + ":5:36: rule 'kp-arms': expected AND");
    }
}
