package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.model.topics.CompactedTopicReader;
import io.newswatch.model.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    private static EmbeddedKafka kafka;
    @TempDir
    Path dir;
    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start(BrokerOptions.temporary());
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("newswatch.yaml");
        Files.writeString(config, "kafka.bootstrap.servers: " + kafka.bootstrapServers() + "\n");
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private int push(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("rules-" + System.nanoTime() + ".yaml"), yaml);
        out.reset();
        err.reset();
        var cl = Newswatch.commandLine();
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        return cl.execute("rules", "push", file.toString(), "--config", config.toString());
    }

    private java.util.Set<String> onTopic() {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return CompactedTopicReader.read(p, "test", Topics.RULES).keySet();
    }

    @Test
    void pushesValidatedRulesAndReplacesTheSetOnTheNextPush() throws Exception {
        assertThat(push(RULES)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 added [ru-port, kp-port]");
        assertThat(onTopic()).containsExactlyInAnyOrder("ru-port", "kp-port");

        assertThat(push(RULES.substring(0, RULES.indexOf("  - id: kp-port")))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 removed [kp-port]").contains("1 unchanged");
        assertThat(onTopic()).containsExactly("ru-port");

        assertThat(push(RULES.replace("The pier at Rajin in North Korea was busy.", "The weather was fine.")))
                .as("a failing example pushes nothing").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAIL kp-port").contains("nothing was pushed");
        assertThat(push(RULES.replace("$PORT)", "$PORTS)"))).as("an invalid file pushes nothing").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PORTS");
        assertThat(onTopic()).containsExactly("ru-port");
    }
}
