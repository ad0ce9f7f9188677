package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SourcesFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void aMissingRelativeFileIsExplainedWithTheWorkingDirectoryAndTheOptionToNameAnother(@TempDir Path dir) {
        assertThatThrownBy(() -> SourcesFile.load(Path.of("no-such-dir", "sources.yaml")))
                .isInstanceOf(SourcesException.class)
                .hasMessageContaining("no-such-dir")
                .hasMessageContaining("relative to the working directory " + Path.of("").toAbsolutePath())
                .hasMessageContaining("--sources FILE");
        Path absolute = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> SourcesFile.load(absolute)).hasMessageContaining(absolute.toString())
                .hasMessageNotContaining("working directory");
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
        "type     | podcast               | 4:5 | 'type'",
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

    @Test
    void readsEveryTypeAndItsKeys() throws IOException {
        Files.createDirectories(dir.resolve("archive/warc"));
        Files.createDirectories(dir.resolve("saved"));
        Path file = write("""
                sources:
                  - id: ledger-news
                    type: sitemap
                    url: https://harbour-ledger.example/sitemap-news.xml
                    since: 2024-03-01
                    until: 2024-03-31T12:00:00+02:00
                    include: [ '/world/', '/business/' ]
                    exclude: '/live-'
                  - id: ledger-robots
                    type: sitemap
                    url: https://harbour-ledger.example/
                    discover: robots
                  - id: ledger-world
                    type: html-index
                    url: https://harbour-ledger.example/world/
                    selector: "main h2 > a"
                    interval: 30m
                  - id: ledger-2023
                    type: warc
                    path: archive/warc
                    language: en
                  - id: ledger-saved
                    type: folder
                    path: %s
                """.formatted(dir.resolve("saved")));

        List<Source> sources = SourcesFile.load(file);

        assertThat(sources).extracting(Source::type)
                .containsExactly("sitemap", "sitemap", "html-index", "warc", "folder");
        Source news = sources.get(0);
        assertThat(news.range()).isEqualTo(new DateRange(Instant.parse("2024-03-01T00:00:00Z"),
                Instant.parse("2024-03-31T10:00:00Z")));
        assertThat(news.filter()).isEqualTo(UrlFilter.of(List.of("/world/", "/business/"), List.of("/live-")));
        assertThat(news.discoverRobots()).isFalse();
        assertThat(sources.get(1).discoverRobots()).isTrue();
        assertThat(sources.get(2).selector()).isEqualTo("main h2 > a");
        assertThat(sources.get(2).interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sources.get(3).path()).isEqualTo(dir.resolve("archive/warc").toAbsolutePath());
        assertThat(sources.get(3).url()).isNull();
        assertThat(sources.get(4).path()).isEqualTo(dir.resolve("saved"));
        assertThat(sources.get(0).range().contains(Instant.parse("2024-03-31T09:59:59Z"))).isTrue();
        assertThat(sources.get(0).range().contains(Instant.parse("2024-02-29T23:59:59Z"))).isFalse();
    }

    @Test
    void untilGivenAsADateCoversThatWholeDay() throws IOException {
        Path file = write("sources:\n  - id: one\n    type: sitemap\n    url: https://example.org/s.xml\n"
                + "    since: 2024-03-01\n    until: 2024-03-01\n");

        DateRange range = SourcesFile.load(file).get(0).range();

        assertThat(range.contains(Instant.parse("2024-03-01T23:59:59Z"))).isTrue();
        assertThat(range.contains(Instant.parse("2024-03-02T00:00:00Z"))).isFalse();
        assertThat(range.contains(null)).isFalse();
    }

    static Stream<Arguments> badNewKeys() {
        String feed = "sources:\n  - id: one\n    url: https://example.org/rss\n";
        String sitemap = "sources:\n  - id: one\n    type: sitemap\n    url: https://example.org/s.xml\n";
        String index = "sources:\n  - id: one\n    type: html-index\n    url: https://example.org/world/\n";
        String warc = "sources:\n  - id: one\n    type: warc\n";
        return Stream.of(
                Arguments.of(index, "2:5", "missing its 'selector'"),
                Arguments.of(index + "    selector: 'h2 > a['\n", "5:5", "'selector' of one is not a valid CSS"),
                Arguments.of(feed + "    selector: h2 a\n", "4:5", "'selector' does not apply to one of type feed"),
                Arguments.of(warc, "2:5", "missing its 'path'"),
                Arguments.of(warc + "    path: no/such/archive.warc.gz\n", "4:5", "'path' of one must be"),
                Arguments.of(warc + "    path: .\n    url: https://example.org/\n", "5:5",
                        "'url' does not apply to one of type warc"),
                Arguments.of(feed + "    path: /tmp\n", "4:5", "'path' does not apply to one of type feed"),
                Arguments.of("sources:\n  - id: one\n    type: folder\n    url: https://example.org/\n", "4:5",
                        "'url' does not apply to one of type folder"),
                Arguments.of(sitemap + "    discover: sitemaps\n", "5:5", "'discover' of one must be 'robots'"),
                Arguments.of(feed + "    discover: robots\n", "4:5", "'discover' does not apply to one of type feed"),
                Arguments.of(sitemap + "    since: last week\n", "5:5", "'since' of one is not an ISO 8601 date"),
                Arguments.of(sitemap + "    since: 2024-03-10\n    until: 2024-03-01\n", "6:5",
                        "'until' of one is before its 'since'"),
                Arguments.of(index + "    selector: a\n    until: 2024-03-01\n", "6:5",
                        "'until' does not apply to one of type html-index"),
                Arguments.of(feed + "    include:\n      - '/world/'\n      - '[unclosed'\n", "6:9",
                        "'include' of one has a bad regular expression '[unclosed'"),
                Arguments.of(feed + "    exclude: '(live'\n", "4:14", "'exclude' of one has a bad regular expression"),
                Arguments.of(feed + "    include:\n      - {a: b}\n", "5:9", "'include' must be a list of regular"),
                Arguments.of(feed + "    type: podcast\n", "4:5", "must be one of rss, atom, feed, sitemap"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badNewKeys")
    void badNewKeysNameSourceKeyAndPosition(String yaml, String position, String message) throws IOException {
        Path file = write(yaml);

        assertThatThrownBy(() -> SourcesFile.load(file))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith(file + ":" + position + ":")
                .hasMessageContaining(message);
    }

    @Test
    void shippedSourcesFileAndItsCommentedExamplesLoad() throws IOException {
        Path shipped = Path.of("..", "config", "sources.yaml");
        assertThat(SourcesFile.load(shipped)).isNotEmpty().allMatch(s -> Source.FEED_TYPES.contains(s.type()));

        // the commented examples, uncommented and appended to the list, with their paths present
        List<String> lines = Files.readAllLines(shipped);
        int start = lines.indexOf("# Examples of the other types (remove the leading '# ' to use one):");
        assertThat(start).isPositive();
        StringBuilder examples = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("#   ")) {
                break;
            }
            examples.append(line.substring(2)).append('\n');
        }
        Files.createDirectories(dir.resolve("data/warc"));
        Files.createDirectories(dir.resolve("data/saved-pages"));
        Path config = Files.createDirectories(dir.resolve("config")).resolve("sources.yaml");
        Files.writeString(config, String.join("\n", lines) + "\n" + examples);

        List<Source> all = SourcesFile.load(config);

        assertThat(all).extracting(Source::type).contains("sitemap", "html-index", "warc", "folder");
        assertThat(all.stream().filter(s -> s.type().equals("warc")).findFirst().orElseThrow().path())
                .isEqualTo(dir.resolve("data/warc").toAbsolutePath().normalize());
    }
}
