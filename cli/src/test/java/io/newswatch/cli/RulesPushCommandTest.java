package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch rules push} against a real embedded broker: validated and example-checked before anything is written. */
class RulesPushCommandTest {
    private static final String RULES = """
            version: 2
            lists:
              PORT: [port, harbour, pier]
            rules:
              - id: ru-port
                title: Russia and a port
                alert: true
                query: SENTENCE(@RU AND $PORT)
                examples:
                  match: ["A Russian tanker left the port."]
              - id: kp-port
                title: North Korea and a port
                alert: true
                query: SENTENCE(@KP AND $PORT)
                examples:
                  match: ["The pier at Rajin in North Korea was busy."]
            """;
    @RegisterExtension
    static final CommandRunner commands = CommandRunner.withBroker();
    @TempDir
    Path dir;

    private int push(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("rules-" + System.nanoTime() + ".yaml"), yaml);
        return commands.runWithConfig("rules", "push", file.toString());
    }

    private java.util.Set<String> onTopic() {
        return CompactedTopicReader.read(commands.clientProperties(), "test", Topics.RULES).keySet();
    }

    @Test
    void pushesValidatedRulesAndReplacesTheSetOnTheNextPush() throws Exception {
        assertThat(push(RULES)).isZero();
        assertThat(commands.out()).contains("2 added [ru-port, kp-port]");
        assertThat(onTopic()).containsExactlyInAnyOrder("ru-port", "kp-port");

        assertThat(push(RULES.substring(0, RULES.indexOf("  - id: kp-port")))).isZero();
        assertThat(commands.out()).contains("1 removed [kp-port]").contains("1 unchanged");
        assertThat(onTopic()).containsExactly("ru-port");

        assertThat(push(RULES.replace("The pier at Rajin in North Korea was busy.", "The weather was fine.")))
                .as("a failing example pushes nothing").isEqualTo(1);
        assertThat(commands.err()).contains("FAIL kp-port").contains("nothing was pushed");
        assertThat(push(RULES.replace("$PORT)", "$PORTS)"))).as("an invalid file pushes nothing").isEqualTo(1);
        assertThat(commands.err()).contains("PORTS");
        assertThat(onTopic()).containsExactly("ru-port");
    }
}
