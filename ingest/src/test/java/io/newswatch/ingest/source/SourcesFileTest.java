package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourcesFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsSourcesWithDefaults() throws IOException {
        Path file = write("""
                sources:
                  - id: example-world
                    type: feed          # rss, atom or feed (auto)
                    url: https://example.org/world/rss.xml
                    interval: 15m
                    language: en
                  - id: harbour
                    url: http://harbour-ledger.example/feed.atom
                """);

        List<Source> sources = SourcesFile.load(file);

        assertThat(sources).containsExactly(
                new Source("example-world", "feed", "https://example.org/world/rss.xml", Duration.ofMinutes(15), "en"),
                new Source("harbour", "feed", "http://harbour-ledger.example/feed.atom", null, null));
        assertThat(sources.get(1).intervalOr(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        // second line's key, its value, the expected line:column, and what the message must say
        "colour   | red                   | 4:5 | unknown key 'colour'",
        "interval | soon                  | 4:5 | 'interval'",
        "interval | -5m                   | 4:5 | 'interval'",
        "url      | ftp://example.org/rss | 3:5 | 'url'",
        "type     | sitemap               | 4:5 | 'type'",
        "language | not a tag             | 4:5 | 'language'",
    })
    void badValueNamesFileKeyAndPosition(String key, String value, String position, String message)
            throws IOException {
        String url = key.equals("url") ? value : "https://example.org/rss";
        String extra = key.equals("url") ? "" : "    " + key + ": " + value + "\n";
        Path file = write("sources:\n  - id: one\n    url: " + url + "\n" + extra);

        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":" + position + ":")
                .hasMessageContaining(message);
    }

    @Test
    void missingUrlIsReportedAtTheSource() throws IOException {
        Path file = write("sources:\n  - id: one\n    language: en\n");

        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":2:5:")
                .hasMessageContaining("missing its 'url'");
    }

    @Test
    void missingIdIsReported() throws IOException {
        Path file = write("sources:\n  - url: https://example.org/rss\n");

        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":2:5:")
                .hasMessageContaining("missing its 'id'");
    }

    @Test
    void duplicateIdNamesBothPositions() throws IOException {
        Path file = write("""
                sources:
                  - id: world
                    url: https://example.org/a.xml
                  - id: world
                    url: https://example.org/b.xml
                """);

        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":4:5:")
                .hasMessageContaining("duplicate 'id' world")
                .hasMessageContaining("first at 2:5");
    }

    @Test
    void unknownTopLevelKeyAndBrokenYamlAreReported() throws IOException {
        Path unknown = write("feeds:\n  - id: x\n");
        assertThatThrownBy(() -> SourcesFile.load(unknown))
                .hasMessageStartingWith(unknown + ":1:1:")
                .hasMessageContaining("unknown key 'feeds'");

        Path broken = write("sources:\n  - id: x\n    url: \"https://example.org/unclosed\n");
        assertThatThrownBy(() -> SourcesFile.load(broken))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(broken + ":")
                .hasMessageContaining("not valid YAML");
    }
}
