package io.newswatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newswatch.ingest.cluster.SourceStatusWriter;
import io.newswatch.ingest.cluster.SourcesTopic;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code newswatch sources} and {@code sources push} against a real embedded broker. */
class SourcesCommandTest {
    @RegisterExtension
    static final CommandRunner commands = CommandRunner.withBroker();
    @TempDir
    Path dir;

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
        assertThat(commands.runWithConfig("sources", "push", sourcesFile("quay-news", "ferry-times").toString()))
                .isZero();
        assertThat(commands.out()).contains("2 added [quay-news, ferry-times]");

        assertThat(commands.runWithConfig("sources")).isZero();
        assertThat(commands.out()).containsPattern("(?m)^quay-news\\s+feed\\s+pending\\s+never")
                .containsPattern("(?m)^ferry-times\\s+feed\\s+pending");

        Properties p = commands.clientProperties();
        Instant now = Instant.now();
        try (SourceStatusWriter writer = new SourceStatusWriter(p, "test-status")) {
            writer.accept(new SourceStatus("quay-news", "host-a/101", true, 0, now.minusSeconds(125), null,
                    now.plusSeconds(600), 12, 9, 0, 7, 1, 6, 2, 3, 1, now));
            writer.accept(new SourceStatus("ferry-times", "host-b/202", false, 4, null, "HTTP 503 from "
                    + "https://ferry-times.example/rss.xml", now.plusSeconds(3600), 4, 0, 4, 0, 0, 0, 0, 0, 0,
                    now));
        }
        assertThat(commands.runWithConfig("sources")).as("an unhealthy source fails the check")
                .isEqualTo(1);
        assertThat(commands.out())
                .containsPattern("(?m)^quay-news\\s+feed\\s+ok\\s+2m ago\\s+12\\s+9\\s+0\\s+7\\s+6\\s+2\\s+3\\s+1\\s+"
                        + "host-a/101$")
                .containsPattern("(?m)^ferry-times\\s+feed\\s+UNHEALTHY\\s+never\\s+4\\s+0\\s+4\\s+0\\s+0\\s+"
                        + "0\\s+0\\s+0\\s+host-b/202 / HTTP 503");

        assertThat(commands.runWithConfig("sources", "--json")).isEqualTo(1);
        List<JsonNode> rows = commands.out().lines().map(l -> {
            try {
                return Json.mapper().readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(rows).as("sorted by id").extracting(r -> r.get("health").asText()).containsExactly("UNHEALTHY", "ok");
        assertThat(rows.get(1).get("status").get("published").asLong()).isEqualTo(6);
        assertThat(rows.get(1).get("status").get("retryWaiting").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("status").get("retrySucceeded").asLong()).isEqualTo(3);
        assertThat(rows.get(1).get("status").get("retryGivenUp").asLong()).isEqualTo(1);
    }

    @Test
    void pushReplacesTheListAndAnInvalidFileWritesNothing() throws Exception {
        assertThat(commands.runWithConfig("sources", "push", sourcesFile("pier-a", "pier-b").toString())).isZero();
        assertThat(commands.runWithConfig("sources", "push", sourcesFile("pier-b", "pier-c").toString())).isZero();
        assertThat(commands.out()).contains("1 added [pier-c]").contains("1 removed [pier-a]").contains("1 unchanged");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "sources:\n  - id: pier-d\n    url: ftp://pier-d.example/feed\n");
        assertThat(commands.runWithConfig("sources", "push", broken.toString())).isEqualTo(1);
        assertThat(commands.err()).contains("broken.yaml:3:").contains("'url' of pier-d");
        Properties p = commands.clientProperties();
        assertThat(new SourcesTopic(p, "test").readYaml().keySet()).containsExactlyInAnyOrder("pier-b", "pier-c");
    }
}
