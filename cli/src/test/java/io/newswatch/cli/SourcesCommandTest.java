package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.broker.BrokerOptions;
import io.newswatch.broker.EmbeddedKafka;
import io.newswatch.ingest.cluster.SourceStatusWriter;
import io.newswatch.ingest.cluster.SourcesTopic;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch sources} and {@code sources push} against a real embedded broker. */
class SourcesCommandTest {
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

    private int run(String... args) {
        out.reset();
        err.reset();
        var cl = Newswatch.commandLine();
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        return cl.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path sourcesFile(String... ids) throws Exception {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String id : ids) {
            yaml.append("  - id: ").append(id).append("\n    url: https://").append(id)
                    .append(".example/rss.xml\n");
        }
        Path file = dir.resolve("sources-" + String.join("-", ids) + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void pushThenShowHealthAsTheInstancesReportIt() throws Exception {
        assertThat(run("sources", "push", sourcesFile("quay-news", "ferry-times").toString(), "--config",
                config.toString())).isZero();
        assertThat(out()).contains("2 added [quay-news, ferry-times]");

        assertThat(run("sources", "--config", config.toString())).isZero();
        assertThat(out()).containsPattern("(?m)^quay-news\\s+feed\\s+pending\\s+never")
                .containsPattern("(?m)^ferry-times\\s+feed\\s+pending");

        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        Instant now = Instant.now();
        try (SourceStatusWriter writer = new SourceStatusWriter(p, "test-status")) {
            writer.accept(new SourceStatus("quay-news", "host-a/101", true, 0, now.minusSeconds(125), null,
                    now.plusSeconds(600), 12, 9, 0, 7, 1, 6, now));
            writer.accept(new SourceStatus("ferry-times", "host-b/202", false, 4, null, "HTTP 503 from "
                    + "https://ferry-times.example/rss.xml", now.plusSeconds(3600), 4, 0, 4, 0, 0, 0, now));
        }
        assertThat(run("sources", "--config", config.toString())).as("an unhealthy source fails the check")
                .isEqualTo(1);
        assertThat(out()).containsPattern("(?m)^quay-news\\s+feed\\s+ok\\s+2m ago\\s+12\\s+9\\s+0\\s+7\\s+6\\s+"
                        + "host-a/101$")
                .containsPattern("(?m)^ferry-times\\s+feed\\s+UNHEALTHY\\s+never\\s+4\\s+0\\s+4\\s+0\\s+0\\s+"
                        + "host-b/202 / HTTP 503");

        assertThat(run("sources", "--json", "--config", config.toString())).isEqualTo(1);
        List<JsonNode> rows = out().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(rows).as("sorted by id").extracting(r -> r.get("health").asText()).containsExactly("UNHEALTHY", "ok");
        assertThat(rows.get(1).get("status").get("published").asLong()).isEqualTo(6);
    }

    @Test
    void pushReplacesTheListAndAnInvalidFileWritesNothing() throws Exception {
        assertThat(run("sources", "push", sourcesFile("pier-a", "pier-b").toString(), "--config",
                config.toString())).isZero();
        assertThat(run("sources", "push", sourcesFile("pier-b", "pier-c").toString(), "--config",
                config.toString())).isZero();
        assertThat(out()).contains("1 added [pier-c]").contains("1 removed [pier-a]").contains("1 unchanged");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "sources:\n  - id: pier-d\n    url: ftp://pier-d.example/feed\n");
        assertThat(run("sources", "push", broken.toString(), "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.yaml:3:").contains("'url' of pier-d");
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        assertThat(new SourcesTopic(p, "test").readYaml().keySet()).containsExactlyInAnyOrder("pier-b", "pier-c");
    }
}
