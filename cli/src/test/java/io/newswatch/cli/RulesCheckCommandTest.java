package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch rules check}: the proof a failing example shows, and gazetteers among the files. */
class RulesCheckCommandTest {
    @RegisterExtension
    final CommandRunner commands = new CommandRunner();

    @TempDir
    Path dir;

    @Test
    void checksTheShippedRulesAndEntitiesTogether() {
        int code = commands.run("rules", "check", Path.of("..", "rules", "default.yaml").toString(),
                Path.of("..", "rules", "entities.yaml").toString());

        assertThat(code).isZero();
        assertThat(commands.out()).contains("default.yaml: SUCCESS")
                .contains("entities.yaml: gazetteer, 3 entities (RU, KP, CN)").contains("entities.yaml: VALID")
                .doesNotContain("unknown key");
    }

    @Test
    void aBrokenGazetteerIsReportedAsOneWithLineAndColumn() throws Exception {
        Path entities = dir.resolve("entities.yaml");
        Files.writeString(entities, """
                entities:
                  - code: KP
                    name: North Korea
                    aliases: [North Korea, Pyongyang]
                    exclusions: [Pyongyang]
                """);

        int code = commands.run("rules", "check", entities.toString());

        assertThat(code).isEqualTo(1);
        assertThat(commands.out()).contains(entities + ":5:").contains("Pyongyang")
                .contains(entities + ": INVALID (gazetteer)");
    }

    @Test
    void aFailingNoMatchExampleShowsTheFirstDecisiveSentenceAsTheProof() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 2
                rules:
                  - id: kp-breach
                    title: breach in an article about North Korea
                    query: "@KP AND SENTENCE(violat*)"
                    examples:
                      no-match: ["Pyongyang hosted the talks. Nobody mentioned it. The deal violated the rules."]
                """);

        int code = commands.run("rules", "check", rules.toString());

        assertThat(code).isEqualTo(1);
        assertThat(commands.out()).contains("the rule matched. Proof: [49,77) The deal violated the rules.")
                .contains("context [0,27) Pyongyang hosted the talks.");
    }
}
