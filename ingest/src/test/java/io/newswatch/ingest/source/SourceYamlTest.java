package io.newswatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source as the YAML value of news.sources: round trips, determinism, and errors that name where. */
class SourceYamlTest {
    @TempDir
    Path dir;

    private List<Source> everyType() throws Exception {
        Files.createDirectories(dir.resolve("saved"));
        Files.write(dir.resolve("crawl.warc.gz"), new byte[0]);
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                sources:
                  - id: harbour-world
                    type: rss
                    url: https://harbour.example/world/rss.xml
                    interval: 15m
                    language: en
                    include: ['/world/', '/asia/']
                    exclude: ['/live-']
                    since: 2024-03-01
                  - id: harbour-sitemap
                    type: sitemap
                    url: https://harbour.example/
                    discover: robots
                    since: 2024-03-01T06:00:00+02:00
                    until: 2024-03-31
                  - id: harbour-front
                    type: html-index
                    url: https://harbour.example/front
                    selector: "main h2 > a[href*='/2024/']"
                  - id: harbour-archive
                    type: warc
                    path: crawl.warc.gz
                    language: ko
                  - id: harbour-saved
                    type: folder
                    path: saved
                """);
        return SourcesFile.load(file);
    }

    @Test
    void everyTypeSurvivesTheRoundTripAndWritesTheSameTextTwice() throws Exception {
        for (Source s : everyType()) {
            String yaml = SourceYaml.write(s);
            assertThat(SourceYaml.parse(yaml, "news.sources/" + s.id())).as(yaml).isEqualTo(s);
            assertThat(SourceYaml.write(SourceYaml.parse(yaml, "x"))).isEqualTo(yaml);
        }
    }

    @Test
    void pathsAreWrittenAbsoluteAndNeedNotExistWhereTheValueIsRead() throws Exception {
        Source archive = everyType().get(3);
        String yaml = SourceYaml.write(archive);
        assertThat(yaml).contains("path: " + dir.resolve("crawl.warc.gz").toAbsolutePath());
        String elsewhere = yaml.replace(dir.toString(), "/srv/not-on-this-machine");
        assertThat(SourceYaml.parse(elsewhere, "news.sources/harbour-archive").path())
                .isEqualTo(Path.of("/srv/not-on-this-machine/crawl.warc.gz"));
    }

    @Test
    void aBadValueNamesTheOriginLineColumnAndKey() {
        assertThatThrownBy(() -> SourceYaml.parse("id: broken\ntype: rss\nurl: ftp://harbour.example/feed\n",
                "news.sources/broken"))
                .isInstanceOf(SourcesException.class)
                .hasMessageStartingWith("news.sources/broken:3:1:")
                .hasMessageContaining("'url' of broken");
        assertThatThrownBy(() -> SourceYaml.parse("- just a list\n", "news.sources/x"))
                .hasMessageStartingWith("news.sources/x:1:1:");
        assertThatThrownBy(() -> SourceYaml.parse("id: a\ncolour: blue\n", "news.sources/a"))
                .hasMessageContaining("unknown key 'colour'");
    }
}
