package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.model.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch tag}: the JSON keeps each evidence item's role and the tagger's order, decisive first. */
class TagCommandRolesTest {
    @RegisterExtension
    final CommandRunner commands = new CommandRunner();

    @TempDir
    Path dir;

    @Test
    void theJsonListsTheDecisiveSentenceFirstWithItsRole() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                version: 2
                rules:
                  - id: kp-breach
                    title: breach in an article about North Korea
                    query: "@KP AND SENTENCE(violat*)"
                """);
        Path text = dir.resolve("a.txt");
        Files.writeString(text, "Pyongyang hosted the talks.\n\nLater the deal violated the rules.\n");

        assertThat(commands.run("tag", "--rules", rules.toString(), text.toString())).isZero();

        JsonNode evidence = Json.mapper().readTree(commands.out().strip()).get("evidence");
        List<String> shown = new ArrayList<>();
        evidence.forEach(e -> shown.add(e.get("role").asText() + ": " + e.get("text").asText()));
        assertThat(shown).containsExactly("decisive: Later the deal violated the rules.",
                "context: Pyongyang hosted the talks.");
    }
}
